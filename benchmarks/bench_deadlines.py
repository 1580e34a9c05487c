"""How many deadline cells per second `normalize_deadline` reads on one core.

    .venv/bin/python benchmarks/bench_deadlines.py [--cells 20000]

Prints two figures: *cold* — every cell unique, so each one goes through the grammar — and *cached* —
the realistic case of a night's plans repeating the same few hundred cells («постоянно», «ежемесячно»,
«до 01 марта»…), answered from the cache (the copy handed back is part of the cost). Each per second of
this process's CPU time (one core, whatever else the machine runs) and of wall time.
"""

import argparse
import itertools
import random
import time
from datetime import date

from extractors.deadlines.resolve import cached_deadline, normalize_deadline
from schemas import PlanContext

MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября"]
MONTH_NAMES = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь"]
DASHES = ["-", " - ", " – ", "–", " — "]
TEMPLATES = [
    "{d:02d}.{m:02d}.{y}",
    "{d} {mon}",
    "{d:02d} {mon} {y} г.",
    "до {d:02d} {mon}",
    "не позднее {d} {mon} {y} года",
    "до {d:02d}.{m:02d}.{y}",
    "с {d:02d} {mon}",
    "{d:02d}.{m:02d}.{dash}{d2:02d}.{m2:02d}.{y}",
    "{d}-{d2} {mon2}",
    "с {d} {mon} по {d2} {mon2}",
    "{name}{dash}{name2}",
    "{name} {y} г.",
    "{q} квартал {y} года",
    "{n}-я декада {mon}",
    "{n} полугодие",
    "{d}, {d2} {mon2}",
    "в течение {y} года",
    "до конца {mon}",
]
PHRASES = [
    "постоянно", "ежемесячно", "еженедельно", "на постоянной основе", "по мере необходимости",
    "по отдельному плану", "в дни голосования", "в период избирательной кампании", "", "по графику",
    "в течение года", "ежеквартально", "по пятницам", "до 5-го числа ежемесячно",
]  # fmt: skip
CONTEXT = PlanContext(
    plan_year=2021, approved_on=date(2021, 2, 5), voting_start=date(2021, 9, 17), voting_end=date(2021, 9, 19)
)


def random_cell(rng: random.Random) -> str:
    m, m2 = sorted(rng.sample(range(1, 11), 2))
    d, d2 = sorted(rng.sample(range(1, 29), 2))
    values = {
        "d": d, "d2": d2, "m": m, "m2": m2, "y": rng.choice([2021, 2022, 2024]), "mon": MONTHS[m - 1],
        "mon2": MONTHS[m2 - 1], "name": MONTH_NAMES[m - 1], "name2": MONTH_NAMES[m2 - 1],
        "dash": rng.choice(DASHES), "q": rng.choice(["I", "II", "III", "IV", "1", "2", "3", "4"]),
        "n": rng.choice([1, 2, 3]),
    }  # fmt: skip
    if rng.random() < 0.2:
        return rng.choice(PHRASES)
    return rng.choice(TEMPLATES).format(**values)


def unique_cells(count: int, rng: random.Random) -> list[str]:
    cells: dict[str, None] = {}
    while len(cells) < count:
        cells[random_cell(rng)] = None
    return list(cells)


def cells_per_second(cells: list[str]) -> tuple[float, float]:
    """Cells per second of wall time, and per second of this process's CPU time — the figure for «one
    core» that other processes on a busy machine do not skew."""
    started, cpu = time.perf_counter(), time.process_time()
    for cell in cells:
        normalize_deadline(cell, CONTEXT)
    return len(cells) / (time.perf_counter() - started), len(cells) / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(2021)

    cold = unique_cells(args.cells, rng)
    cached_deadline.cache_clear()
    cold_rate = cells_per_second(cold)

    repeated_pool = [random_cell(rng) for _ in range(300)]
    repeated = list(itertools.islice(itertools.cycle(repeated_pool), args.cells))
    cells_per_second(repeated_pool)  # warm the cache as the first plan of a night would
    cached_rate = cells_per_second(repeated)

    kinds = {normalize_deadline(c, CONTEXT).kind for c in cold}
    print(f"cold (all {len(cold)} cells unique): {cold_rate[1]:,.0f} cells per CPU-second "
          f"({cold_rate[0]:,.0f} cells/s of wall time)")
    print(f"cached ({len(repeated)} cells, {len(set(repeated_pool))} distinct): {cached_rate[1]:,.0f} cells per "
          f"CPU-second ({cached_rate[0]:,.0f} cells/s of wall time)")
    print(f"kinds seen: {', '.join(sorted(kinds))}")


if __name__ == "__main__":
    main()
