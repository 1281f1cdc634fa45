"""Spider middlewares, one component per module (SPIDER_MIDDLEWARES):

- journal.JournalSpiderMiddleware          (10)  the spider side of the crash-safe JOBDIR
- callbackerrors.CallbackErrorMiddleware   (15)  a page that makes a callback raise is a counted drop
"""
