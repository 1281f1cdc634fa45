"""kznews: crawl the news of Kazakhstan into MongoDB."""
