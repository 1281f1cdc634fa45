"""Tests for kznews.syndication: fingerprints, attribution, MinHash, the near-duplicate index and the
labelled evaluation set under tests/data/syndication/."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kznews.syndication import (
    MinHasher,
    NearDuplicateIndex,
    body_fingerprint,
    detect_attribution,
    normalize_words,
    shingles,
)
from tests.tools.syndication_eval import evaluate, load_articles

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "syndication"
ALMATY = timezone(timedelta(hours=5))
T0 = datetime(2025, 3, 1, 10, 0, tzinfo=ALMATY)

# A shortened copy of a real republished page (shared/data/example-page-text.txt): currency widget,
# the article credited to Kazinform twice, then a list of headlines.
EXAMPLE_PAGE = """• USD/KZT
    0.0
  • EUR/KZT
    0.0

Переделать Дворец школьников планируют в Алматы

Алматы. 19 августа. Центр информации. Аким Алматы Бакытжан Сагинтаев в ходе форума работников системы образования поделился своим видением касательно дополнительного образования в городе, передаёт «Казинформ».
«Меня беспокоит, что практически дополнительное образование стало недоступным малообеспеченным семьям. Часто бесплатные кружки работают только на бумаге», - сказал аким Алматы.
Он также рассказал о состоянии Дворца школьников в Алматы.
Отметим, в Алматы прошел форум, в ходе которого были подведены итоги 2018-2019 учебного года и определены стратегические задачи на новый.
Источник: Казинформ

ru Казахстан и Пакистан расширяют сотрудничество в сфере цифровых технологий и

ru Более 30 тысяч кубометров снега вывезли из Астаны за ночь
"""

ARTICLE = """В Алматы в четверг утром произошло землетрясение магнитудой 4,8, толчки в городе ощущались силой до пяти баллов, передает корреспондент агентства Kazinform.
По данным сейсмологов, эпицентр располагался на территории Кыргызстана, в 186 километрах к юго-востоку от Алматы, глубина очага составила около 15 километров.
В департаменте по чрезвычайным ситуациям уточнили, что обращений о разрушениях и пострадавших не поступало. Спасатели провели осмотр социальных объектов и многоэтажных домов.
«Ситуация в городе стабильная, все службы работают в штатном режиме. Просим жителей не поддаваться панике и доверять только официальным источникам информации», – сказал заместитель начальника департамента.
Сейсмологи напомнили, что Алматы расположен в зоне высокой сейсмической активности, и посоветовали горожанам заранее подготовить тревожный чемоданчик и изучить порядок действий при землетрясении.
Последнее ощутимое землетрясение в городе фиксировалось прошлой осенью, тогда власти проверяли систему оповещения и заменили часть сирен."""

OTHER_ARTICLE = """Национальный банк Казахстана сохранил базовую ставку на уровне 14,25% годовых с коридором плюс-минус один процентный пункт.
Решение принято на заседании комитета по денежно-кредитной политике. Годовая инфляция в феврале ускорилась до 8,9%, а инфляционные ожидания населения остаются повышенными.
По прогнозу регулятора, инфляция в 2025 году сложится в диапазоне 9,5–11,5%, а к цели в 5% вернется не раньше 2027 года.
Следующее плановое решение по базовой ставке будет объявлено 18 апреля 2025 года в 12:00 по времени Астаны.
Экономисты ожидают, что в первом полугодии ставка останется без изменений, а снижение возможно только во втором полугодии."""


# ------------------------------------------------------------------------------------ fingerprint


def test_fingerprint_ignores_page_furniture_and_typography() -> None:
    desktop = ARTICLE
    amp = (
        "ПОДЕЛИТЬСЯ\nФото: Tengrinews.kz/Турар Казангапов\n"
        + ARTICLE.splitlines()[0]  # the lead printed twice
        + "\n"
        + ARTICLE.replace("«", '"').replace("»", '"').replace(" ", "\u00a0", 3).replace("  ", " ")
        + "\nРеклама\nПодпишитесь на наш Telegram-канал и узнавайте новости первыми!\n  • 3740\n"
    )
    assert body_fingerprint(desktop) == body_fingerprint(amp)


def test_fingerprint_ignores_credit_wording_and_source_lines() -> None:
    credited = ARTICLE.replace("передает корреспондент агентства Kazinform", "передаёт «Казинформ»")
    assert body_fingerprint(ARTICLE) == body_fingerprint(credited + "\nИсточник: Казинформ")


def test_fingerprint_folds_case_yo_and_latin_look_alikes() -> None:
    assert body_fingerprint("Бүгін ёлка в Алматы") == body_fingerprint("БҮГiН елка в Aлматы")  # Latin i, A


def test_fingerprint_changes_with_wording() -> None:
    assert body_fingerprint(ARTICLE) != body_fingerprint(ARTICLE.replace("186 километрах", "168 километрах"))


def test_fingerprint_is_blake2b_of_the_normal_form() -> None:
    expected = hashlib.blake2b("привет мир 2025".encode(), digest_size=16).hexdigest()
    assert body_fingerprint("Привет, МИР! (2025)") == expected
    assert len(body_fingerprint("")) == 32


_FURNITURE = [
    "ПОДЕЛИТЬСЯ",
    "Реклама",
    "Фото: Zakon.kz",
    "Читайте также: другая новость",
    "  • 47785",
    "Источник: Kazinform",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 6), st.sampled_from(_FURNITURE)), max_size=5),
    st.sampled_from([" ", "  ", "\u00a0", "\t"]),
)
def test_fingerprint_is_stable_under_furniture_and_spacing(
    insertions: list[tuple[int, str]], space: str
) -> None:
    lines = ARTICLE.splitlines()
    for position, furniture in insertions:
        lines.insert(min(position, len(lines)), furniture)
    assert body_fingerprint("\n".join(lines).replace(" ", space)) == body_fingerprint(ARTICLE)


# ------------------------------------------------------------------------------------ shingles


def test_normal_form_drops_boilerplate_and_datelines() -> None:
    text = (
        "АСТАНА. KAZINFORM – Аким заявил об этом.\nФото: Акорда\nЧитайте также: другое\nАким заявил об этом."
    )
    assert normalize_words(text) == ["аким", "заявил", "об", "этом"]


def test_shingles_sizes_and_short_texts() -> None:
    words = "один два три четыре пять"
    assert len(shingles(words, k=3)) == 3
    assert len(shingles("один два", k=3)) == 1
    assert shingles("", k=3) == set()
    assert shingles("Один, ДВА; три!", k=3) == shingles("один два три", k=3)
    with pytest.raises(ValueError):
        shingles(words, k=0)


_SUBPROCESS_SCRIPT = (
    "import sys, json; sys.path.insert(0, sys.argv[1]);"
    "from kznews.syndication import shingles, MinHasher;"
    "t = sys.argv[2];"
    "print(json.dumps([sorted(shingles(t)), list(MinHasher().signature(t).values)]))"
)


def test_hashes_are_the_same_in_every_process() -> None:
    outputs = set()
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", _SUBPROCESS_SCRIPT, str(REPO), ARTICLE],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    in_process = json.loads(outputs.pop())
    assert in_process[0] == sorted(shingles(ARTICLE))
    assert in_process[1] == list(MinHasher().signature(ARTICLE).values)


# ------------------------------------------------------------------------------------ attribution

ATTRIBUTION_CASES = [
    ("Текст новости.\nИсточник: Казинформ", "inform"),
    ("Текст новости. Источник: Kazinform", "inform"),
    ("Аким заявил об этом, передает Kazinform.", "inform"),
    ("Аким заявил об этом, передаёт «Казинформ».", "inform"),
    ("Об этом стало известно, передает корреспондент агентства Kazinform.", "inform"),
    ("Аким заявил об этом, передает МИА «Казинформ».", "inform"),
    ("По данным Казинформа, аким заявил об этом.", "inform"),
    ("Цены выросли, сообщает Tengrinews.kz.", "tengrinews"),
    ("Цены выросли, сообщает tengrinews.kz.", "tengrinews"),
    ("Цены выросли, передаёт корреспондент Tengrinews.kz.", "tengrinews"),
    ("Улицу переименуют, передает NUR.KZ.", "nur"),
    ("Взрыв произошел, сообщает Zakon.kz.", "zakon"),
    ("Взрыв произошел, передает корреспондент Zakon.kz.", "zakon"),
    ("Жер сілкінді, деп хабарлайды Zakon.kz.", "zakon"),
    ("Жер сілкінді, деп хабарлайды ҚазАқпарат.", "inform"),
    ("Жер сілкінді, деп хабарлайды Tengrinews.kz тілшісі.", "tengrinews"),
    ("Жер сілкінді, деп хабарлайды BAQ.KZ тілшісі.", "baq"),
    ("Жер сілкінді, деп хабарлайды Алматыдағы BAQ.KZ тілшісі.", "baq"),
    ("Бұл туралы ҚазАқпараттың хабарлауынша белгілі болды.", "inform"),
    ("Семьям выплатят по 2 млн тенге, передает BAQ.KZ.", "baq"),
    ("Семьям выплатят по 2 млн тенге, передаёт BAQ.KZ со ссылкой на МЧС РК.", "baq"),
    ("Пожар потушен, передаёт «Хабар 24».", "24kz"),
    ("Пожар потушен, передает агентство «Хабар».", "khabar"),
    ("Суд продолжился, сообщает Sputnik Казахстан.", "sputnik"),
    ("АЛМАТЫ, 16 апр — Sputnik. Суд продолжился.", "sputnik"),
    ("Суд продолжился, передает Liter.kz.", "liter"),
    ("The president met governors, Kazinform News Agency reports.", "inform"),
    ("The visit was announced, Qazinform News Agency learned from the Akorda press service.", "inform"),
    ("Source: Kazinform", "inform"),
    ("АСТАНА. KAZINFORM – Текст новости.", "inform"),
    ("АЛМАТЫ. KAZINFORM — Текст новости.", "inform"),
    ("АЛМАТЫ. KAZINFORM - Текст новости.", "inform"),
    ("ASTANA. KAZINFORM - The new district will be named Nura.", "inform"),
    ("ASTANA. KAZINFORM The new district will be named Nura.", "inform"),
    ("НҰР-СҰЛТАН. ҚазАқпарат – Мәтін.", "inform"),
    ("Атырау. 28 января. KAZAKHSTAN TODAY - Аким уволен.", "kt"),
    ("Синоптики дали прогноз, передает Kazakhstan Today.", "kt"),
    ("Протест прошел, сообщает местное издание «Информбюро».", "informburo"),
    ("Tóraǵa málimdedi, dep habarlaıdy Egemen.kz.", "egemen"),
    ("The court ruled, Orda.kz reports.", "orda"),
    ("The court ruled, reports Orda.kz.", "orda"),
    ("Заявление сделано в Москве, говорится со ссылкой на РИА Новости.", "ria"),
    ("Об этом сообщает ТАСС.", "tass"),
    ("Тенге укрепился, передает Интерфакс-Казахстан.", "interfax"),
    ("Министр заявил, сообщает телеканал Astana TV.", "astanatv"),
    ("Об этом пишет «Власть».", "vlast"),
    ("Дело рассматривается, сообщает издание «Время».", "время"),
    ("Источник: Ulysmedia.kz", "ulysmedia"),
    ("Об этом стало известно, передает корреспондент aгентcтвa Kazinform.", "inform"),  # Latin a, c
    ("Пожар потушен, передает «Хaбap 24».", "24kz"),
    # no credited source
    ("Фото: Kazinform", None),
    ("Текст статьи.\nФото: Kazinform\nКоллаж: Kazinform / Akorda", None),
    ("Текст статьи (фото: Kazinform).", None),
    ("Как ранее сообщал Tengrinews.kz, дело передано в суд.", None),
    ("Об этом сообщили в пресс-службе МВД.", None),
    ("Источник: пресс-служба МВД", None),
    ("Об этом сообщает пресс-служба акимата, передает корреспондент агентства.", None),
    ("Власть в регионе сменилась, сообщает акимат.", None),
    ("Президент поздравил агентство «Хабар» с юбилеем. Хабар тез тарады.", None),
    ("Вакцину Sputnik V закупили для больниц.", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION_CASES)
def test_detect_attribution(text: str, expected: str | None) -> None:
    assert detect_attribution(text) == expected


@pytest.mark.parametrize(
    ("text", "own_site", "expected"),
    [
        ("Цены выросли, передаёт корреспондент Tengrinews.kz.", "tengrinews", None),
        ("Цены выросли, передаёт корреспондент Tengrinews.kz.", "tengrinews.kz", None),
        ("Жер сілкінді, деп хабарлайды Tengrinews.kz тілшісі.", "tengrinews", None),
        ("АСТАНА. KAZINFORM – Текст новости.", "inform", None),
        ("Текст, передаёт корреспондент Tengrinews.kz со ссылкой на Reuters.", "tengrinews", "reuters"),
        ("Текст, сообщает Zakon.kz со ссылкой на Kazinform.", "zakon", "inform"),
        ("Текст, передаёт корреспондент Tengrinews.kz.\nИсточник: Казинформ", "tengrinews", "inform"),
        ("Жер сілкінді, деп хабарлайды ҚазАқпарат.", "baq", "inform"),
    ],
)
def test_detect_attribution_ignores_own_site(text: str, own_site: str, expected: str | None) -> None:
    assert detect_attribution(text, own_site=own_site) == expected


def test_detect_attribution_on_a_republished_page() -> None:
    assert detect_attribution(EXAMPLE_PAGE, "ru", own_site="nur") == "inform"
    assert detect_attribution(EXAMPLE_PAGE, "ru", own_site="inform") is None


# ------------------------------------------------------------------------------------ MinHash


def test_signature_of_identical_texts_is_identical() -> None:
    hasher = MinHasher()
    first, second = hasher.signature(ARTICLE), hasher.signature(ARTICLE)
    assert first.values == second.values
    assert first.jaccard(second) == 1.0
    assert first.similarity(second) == (1.0, 1.0)


def test_estimates_follow_exact_similarity() -> None:
    hasher = MinHasher()
    extended = ARTICLE + "\n" + OTHER_ARTICLE  # the article plus unrelated paragraphs
    first, second = hasher.signature(ARTICLE), hasher.signature(extended)
    exact_containment, exact_jaccard = first.similarity(second)
    assert exact_containment == 1.0
    assert 0.3 < exact_jaccard < 0.7
    assert abs(first.jaccard(second) - exact_jaccard) < 0.15
    assert first.containment(second) > 0.75
    unrelated = hasher.signature(OTHER_ARTICLE)
    assert first.similarity(unrelated)[0] < 0.1
    assert first.jaccard(unrelated) < 0.1


def test_signature_without_kept_shingles_uses_estimates() -> None:
    hasher = MinHasher(keep_shingles=False)
    first, second = hasher.signature(ARTICLE), hasher.signature(ARTICLE + "\nЕще один абзац текста.")
    assert first.shingles is None
    containment, jaccard = first.similarity(second)
    assert containment > 0.8 and jaccard > 0.7


def test_empty_text_and_bad_parameters() -> None:
    signature = MinHasher().signature("")
    assert signature.shingle_count == 0
    assert signature.jaccard(signature) == 0.0
    with pytest.raises(ValueError):
        MinHasher(num_bins=100)
    with pytest.raises(ValueError):
        NearDuplicateIndex(rows=3)


# ------------------------------------------------------------------------------------ index


def _reprint(text: str) -> str:
    """A typical copy: credit changed, one paragraph removed, site furniture around it."""
    lines = text.replace("передает корреспондент агентства Kazinform", "передаёт «Казинформ»").splitlines()
    del lines[3]
    return "\n".join(["ПОДЕЛИТЬСЯ", *lines, "Источник: Казинформ", "Подписывайтесь на наш Telegram"])


def test_reprint_links_to_the_original() -> None:
    index = NearDuplicateIndex()
    assert index.add("inform/1", ARTICLE, T0, "inform") is None
    assert index.add("zakon/9", OTHER_ARTICLE, T0, "zakon") is None
    match = index.add("tengri/5", _reprint(ARTICLE), T0 + timedelta(hours=2), "tengrinews")
    assert match is not None
    assert (match.doc_id, match.cluster_id, match.original_id) == ("inform/1", "inform/1", "inform/1")
    assert match.original_site == "inform"
    assert not match.is_original and match.superseded_cluster_ids == ()
    assert 0.55 <= match.similarity <= 1.0 and 0.15 <= match.jaccard <= 1.0
    cluster = index.cluster("tengri/5")
    assert cluster is not None and cluster.member_ids == ("inform/1", "tengri/5")
    assert index.cluster("zakon/9").member_ids == ("zakon/9",)


def test_second_reprint_joins_the_same_cluster() -> None:
    index = NearDuplicateIndex()
    index.add("inform/1", ARTICLE, T0, "inform")
    index.add("tengri/5", _reprint(ARTICLE), T0 + timedelta(hours=1), "tengrinews")
    match = index.add("nur/7", ARTICLE, T0 + timedelta(hours=3), "nur")
    assert match is not None and match.cluster_id == "inform/1"
    assert match.doc_id == "inform/1"  # the verbatim copy is most similar to the original
    assert len(index.cluster("inform/1").member_ids) == 3


def test_same_site_copies_and_old_articles_are_not_linked() -> None:
    index = NearDuplicateIndex(window=timedelta(days=3))
    index.add("inform/1", ARTICLE, T0, "inform")
    assert index.add("inform/1-amp", ARTICLE, T0, "inform") is None  # same site: URL/fingerprint territory
    assert index.add("nur/7", ARTICLE, T0 + timedelta(days=4), "nur") is None  # outside the window


def test_late_original_repoints_the_cluster() -> None:
    index = NearDuplicateIndex()
    assert index.add("tengri/5", _reprint(ARTICLE), T0 + timedelta(hours=2), "tengrinews") is None
    assert index.add("nur/7", ARTICLE, T0 + timedelta(hours=3), "nur").cluster_id == "tengri/5"
    # the original is crawled last but was published first
    match = index.add("inform/1", ARTICLE, T0, "inform")
    assert match is not None
    assert match.is_original and match.cluster_id == "inform/1" and match.original_site == "inform"
    assert match.superseded_cluster_ids == ("tengri/5",)
    assert match.doc_id == "nur/7"  # no earlier match: the most similar later one
    assert index.cluster("tengri/5").cluster_id == "inform/1"
    later = index.add("orda/3", _reprint(ARTICLE), T0 + timedelta(hours=5), "orda")
    assert later.cluster_id == "inform/1"


def test_clusters_merge_when_an_article_bridges_them() -> None:
    index = NearDuplicateIndex()
    first_half = "\n".join(ARTICLE.splitlines()[:3])
    second_half = "\n".join(ARTICLE.splitlines()[3:])
    assert index.add("a/1", first_half, T0, "zakon") is None
    assert index.add("b/1", second_half, T0 + timedelta(minutes=5), "orda") is None  # no overlap with a/1
    match = index.add("c/1", ARTICLE, T0 + timedelta(hours=1), "nur")
    assert match is not None
    assert match.cluster_id == "a/1" and match.superseded_cluster_ids == ("b/1",)
    assert index.cluster("b/1").cluster_id == "a/1"


def test_expire_keeps_cluster_ids_stable() -> None:
    index = NearDuplicateIndex(window=timedelta(days=3))
    index.add("inform/1", ARTICLE, T0, "inform")
    index.add("tengri/5", _reprint(ARTICLE), T0 + timedelta(days=2), "tengrinews")
    index.expire(T0 + timedelta(days=4))
    assert "inform/1" not in index and "tengri/5" in index and len(index) == 1
    assert index.cluster("tengri/5").cluster_id == "inform/1"  # the original left the window, the id stays
    match = index.add("nur/7", ARTICLE, T0 + timedelta(days=4, hours=1), "nur")
    assert match is not None and match.cluster_id == "inform/1" and match.doc_id == "tengri/5"
    index.expire(T0 + timedelta(days=30))
    assert len(index) == 0 and index.cluster("tengri/5") is None


def test_short_texts_are_not_indexed_and_re_adding_is_idempotent() -> None:
    index = NearDuplicateIndex()
    assert index.add("x/1", "Курс доллара: 520 тенге.", T0, "kt") is None
    assert "x/1" not in index
    index.add("inform/1", ARTICLE, T0, "inform")
    first = index.add("tengri/5", _reprint(ARTICLE), T0 + timedelta(hours=1), "tengrinews")
    again = index.add("tengri/5", _reprint(ARTICLE), T0 + timedelta(hours=1), "tengrinews")
    assert again == first
    original_again = index.add("inform/1", ARTICLE, T0, "inform")
    assert (
        original_again is not None and original_again.cluster_id == "inform/1" and original_again.is_original
    )


def test_independent_report_of_the_same_event_is_not_linked() -> None:
    independent = (
        "Землетрясение в четверг утром разбудило многих алматинцев. Толчки пришлись на 08:47, и в ряде "
        "микрорайонов их почувствовали очень отчетливо.\nКак следует из сводки сейсмологической службы, "
        "магнитуда подземного удара достигла 4,8. Очаг залегал на глубине примерно 15 километров под "
        "территорией соседнего Кыргызстана, а расстояние до южной столицы составило 186 километров.\n"
        "Пресс-служба городского ДЧС сообщила, что за помощью никто не обращался, о повреждениях зданий "
        "ничего не известно. Дежурные расчеты объехали школы, больницы и высотки.\n«Ситуация в городе "
        "стабильная, все службы работают в штатном режиме», – отметили в ДЧС."
    )
    index = NearDuplicateIndex()
    index.add("inform/1", ARTICLE, T0, "inform")
    assert index.add("tengri/2", independent, T0 + timedelta(minutes=30), "tengrinews") is None


# ------------------------------------------------------------------------------------ the evaluation set


@pytest.fixture(scope="module")
def labelled_articles() -> list[dict]:
    return load_articles(DATA / "articles.json")


def test_evaluation_set_is_current() -> None:
    spec = importlib.util.spec_from_file_location("build_set", DATA / "build_set.py")
    assert spec is not None and spec.loader is not None
    build_set = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_set)
    committed = (DATA / "articles.json").read_text("utf-8")
    assert build_set.render_json(build_set.build()) == committed, "run tests/data/syndication/build_set.py"


def test_evaluation_set_has_enough_cases(labelled_articles: list[dict]) -> None:
    by_role: dict[str, list[dict]] = {}
    for article in labelled_articles:
        by_role.setdefault(article["role"], []).append(article)
    reprint_pairs = len(by_role["reprint"])  # each reprint is a (reprint, source) pair
    assert reprint_pairs >= 40
    assert len(by_role["independent"]) >= 40  # each is a same-topic non-pair with its original
    assert len(by_role["followup"]) >= 5
    assert {article["lang"] for article in labelled_articles} == {"ru", "kk"}
    for article in by_role["original"] + by_role["independent"]:  # the hand-written texts
        words = len(article["text"].split())
        assert 150 <= words <= 600, (article["id"], words)
    transforms = {t for article in by_role["reprint"] for t in article["transforms"]}
    for expected in ("light_edits", "add_paragraph", "remove_paragraph", "new_lead", "swap_paragraphs",
                     "furniture", "lookalikes", "dateline_change", "truncate", "excerpt"):  # fmt: skip
        assert expected in transforms


def test_index_on_the_evaluation_set(labelled_articles: list[dict]) -> None:
    report = evaluate(labelled_articles)
    assert report.false_links == 0, report.false_link_pairs
    assert report.distractor_links == 0
    assert report.same_topic_non_pairs >= 40
    assert report.pairs >= 40
    assert report.recall >= 0.95, report.missed_pairs
    assert report.reprints_with_correct_original >= 0.95 * report.reprints
    # generous bound: the machine is shared; the benchmark prints the real figure
    assert report.us_per_signature < 5000


def test_attribution_on_the_evaluation_set(labelled_articles: list[dict]) -> None:
    report = evaluate(labelled_articles)
    assert report.attribution_accuracy >= 0.95, report.attribution_errors
