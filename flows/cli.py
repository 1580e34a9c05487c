"""`svodka`: extract one file, ingest inboxes, keep the nightly schedule, and ask the published dataset —
SQL, a category compared across regions, who has sent a plan, the coming deadlines, a report as of a day.
Help, defaults, examples and errors in Russian (flows/cli_help.py); a mistake is one line, exit code 2."""

import json
import os
import sys
from datetime import date
from pathlib import Path

from flows.cli_help import RussianParser, day_value, out_folder, positive_int, positive_seconds, print_error
from pipeline.settings import PIPELINE_VERSION, Settings, package_version
from schemas.messages import message

DESCRIPTION = ("Сводка планов общественных штабов по наблюдению за выборами: приём файлов планов, единый набор "
               "данных и ответы на вопросы к нему.")
EPILOG = """Примеры:
  svodka ingest входящие/ --out data           принять планы и опубликовать набор в data/
  svodka coverage --year 2024                  кто прислал план на выборы 2024 года
  svodka compare --category "Горячая линия"    горячие линии регионов относительно дня голосования
  svodka query "select region_name, count(*) from activities group by 1" --format csv
  svodka deadlines --as-of 01.09.2024          сроки на шесть недель вперёд от 1 сентября
  svodka status --json                         каталог и прогоны для скриптов

Справка по команде: svodka КОМАНДА -h"""
OUT_HELP = "папка опубликованного набора"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:  # `svodka … | head`: the reader has gone, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def build_parser() -> RussianParser:
    parser = RussianParser(prog="svodka", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", help="показать версию и выйти",
                        version=f"svodka {package_version()} (версия разбора {PIPELINE_VERSION})")
    commands = parser.add_subparsers(title="команды", required=True, metavar="КОМАНДА")
    add_extract(commands)
    add_ingest(commands)
    add_serve(commands)
    add_status(commands)
    add_query(commands)
    add_compare(commands)
    add_coverage(commands)
    add_deadlines(commands)
    add_report(commands)
    add_diff(commands)
    return parser


def command(commands, name: str, summary: str, examples: str, handler):
    parser = commands.add_parser(name, help=summary, description=summary, epilog="Примеры:\n" + examples)
    parser.set_defaults(handler=handler)
    return parser


def add_extract(commands) -> None:
    extract = command(commands, "extract", "разобрать один файл плана и напечатать результат (JSON, без Prefect)",
                      "  svodka extract samples/inbox/kuzbass_2021.txt > kuzbass.json", cmd_extract)
    extract.add_argument("file", type=Path, metavar="ФАЙЛ", help="файл плана: DOCX, PDF, TXT, DOC, RTF, ODT")


def add_ingest(commands) -> None:
    ingest = command(commands, "ingest", "принять файлы из папок и опубликовать набор (поток Prefect)",
                     "  svodka ingest samples/inbox --out data\n"
                     "  svodka ingest /srv/uploads --out /srv/svodka-data --reprocess failed", cmd_ingest)
    ingest.add_argument("inbox", nargs="+", type=Path, metavar="ПАПКА", help="папки (или файлы) с загрузками")
    add_run_options(ingest)
    ingest.add_argument("--wait", action="store_true",
                        help="если в этой папке уже идёт прогон — дождаться его (иначе этот запуск ничего не делает)")


def add_serve(commands) -> None:
    serve = command(commands, "serve", "держать ночное расписание на локальном сервере Prefect (с его интерфейсом)",
                    '  svodka serve --inbox /srv/uploads --out /srv/svodka-data --cron "0 2 * * *"\n'
                    "  svodka serve --inbox входящие --out data --interval 3600", cmd_serve)
    serve.add_argument("--inbox", nargs="+", type=Path, required=True, metavar="ПАПКА", help="папки с загрузками")
    when = serve.add_mutually_exclusive_group()
    when.add_argument("--cron", default=None, metavar="РАСПИСАНИЕ",
                      help='расписание cron (по умолчанию: "0 2 * * *", каждую ночь в 2:00)')
    when.add_argument("--interval", type=positive_int, default=None, metavar="СЕКУНД",
                      help="или запускать через столько секунд")
    add_run_options(serve)


def add_run_options(command_parser) -> None:
    command_parser.add_argument("--out", type=out_folder, default=Path("data"), metavar="ПАПКА",
                                help="куда публиковать набор")
    command_parser.add_argument("--reprocess", choices=["none", "failed", "all"], default="none",
                                help="что разобрать заново: ничего нового (none), отложенные (failed), всё (all)")
    command_parser.add_argument("--workers", type=positive_int, default=2, metavar="N",
                                help="параллельных процессов разбора")
    command_parser.add_argument("--runner", choices=["threads", "processes", "dask"], default="processes",
                                help="где разбирать: процессы этой машины, потоки или кластер Dask")
    command_parser.add_argument("--dask-address", default=None, metavar="АДРЕС",
                                help="планировщик Dask, например tcp://scheduler:8786 (иначе — локальный кластер)")
    command_parser.add_argument("--corrections", nargs="+", type=Path, default=[], metavar="ФАЙЛ",
                                help="файлы исправлений (CSV, XLSX) в дополнение к папке ПАПКА/corrections")
    command_parser.add_argument("--document-timeout", type=positive_seconds, default=120, metavar="СЕКУНД",
                                help="предел времени разбора одного документа (по умолчанию 120)")


def add_status(commands) -> None:
    status = command(commands, "status", "каталог: что пришло и когда, что отложено и почему, как прошли прогоны",
                     "  svodka status --out data\n  svodka status --json | jq '.runs[-1]'", cmd_status)
    status.add_argument("--out", type=Path, default=Path("data"), metavar="ПАПКА", help=OUT_HELP)
    status.add_argument("--json", action="store_true", help="в JSON для скриптов (время ISO с поясом, длительности)")


def add_query(commands) -> None:
    query = command(commands, "query", "SQL к опубликованной базе DuckDB (только чтение)",
                    '  svodka query "select region_name, count(*) n from activities group by 1"\n'
                    '  svodka query "select * from coverage where year = 2024" --format csv > охват.csv\n'
                    '  svodka query "select title from hotline" --format json --full', cmd_query)
    query.add_argument("sql", metavar="SQL", help="запрос; таблицы activities, documents, regions, categories, "
                                                  "plans, coverage и готовые представления")
    query.add_argument("--out", type=Path, default=Path("data"), metavar="ПАПКА", help=OUT_HELP)
    query.add_argument("--format", choices=["table", "csv", "json"], default="table",
                       help="таблица для чтения, CSV или JSON для программ")
    query.add_argument("--full", action="store_true", help="не сокращать длинные значения в таблице")


def add_compare(commands) -> None:
    compare = command(commands, "compare", "сравнить регионы по категории мероприятий: кто, когда, за сколько "
                                           "дней до голосования",
                      '  svodka compare --category "Горячая линия"\n  svodka compare --category hotline\n'
                      "  svodka compare --category обуч", cmd_compare)
    compare.add_argument("--category", required=True, metavar="КАТЕГОРИЯ",
                         help="название категории по-русски, его начало («Горячая линия») или код (hotline)")
    compare.add_argument("--out", type=Path, default=Path("data"), metavar="ПАПКА", help=OUT_HELP)


def add_coverage(commands) -> None:
    coverage = command(commands, "coverage", "кто из 89 субъектов прислал план на выборы, чей файл не прочитан, "
                                             "кто не прислал ничего",
                       "  svodka coverage\n  svodka coverage --year 2021\n"
                       '  svodka query "select * from coverage where status = \'nothing\'" --format csv',
                       cmd_coverage)
    coverage.add_argument("--year", type=int, default=None, metavar="ГОД",
                          help="год выборов (по умолчанию: последний в наборе)")
    coverage.add_argument("--out", type=Path, default=Path("data"), metavar="ПАПКА", help=OUT_HELP)


def add_deadlines(commands) -> None:
    deadlines = command(commands, "deadlines", "ближайшие сроки всех планов начиная с дня отсчёта",
                        "  svodka deadlines\n  svodka deadlines --as-of 01.09.2024 --days 14\n"
                        "  svodka deadlines --as-of 2024-03-01 --format csv > сроки.csv", cmd_deadlines)
    deadlines.add_argument("--as-of", type=day_value, default=None, metavar="ДАТА",
                           help="день отсчёта, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию: сегодня)")
    deadlines.add_argument("--days", type=positive_int, default=42, metavar="ДНЕЙ", help="на сколько дней вперёд")
    deadlines.add_argument("--out", type=Path, default=Path("data"), metavar="ПАПКА", help=OUT_HELP)
    deadlines.add_argument("--format", choices=["table", "csv", "json"], default="table",
                           help="таблица для чтения, CSV или JSON для программ")
    deadlines.add_argument("--full", action="store_true", help="не сокращать длинные значения в таблице")


def add_report(commands) -> None:
    report = command(commands, "report", "собрать отчёт (HTML) из опубликованного набора на выбранный день",
                     "  svodka report --as-of 01.09.2021\n  svodka report --as-of 2024-03-01 --to отчёт.html",
                     cmd_report)
    report.add_argument("--as-of", type=day_value, default=None, metavar="ДАТА",
                        help="с какого дня считать «ближайшие сроки», ДД.ММ.ГГГГ или ГГГГ-ММ-ДД "
                             "(по умолчанию: сегодня)")
    report.add_argument("--to", type=Path, default=None, metavar="ФАЙЛ",
                        help="куда записать (по умолчанию: report-ГГГГ-ММ-ДД.html в текущей папке)")
    report.add_argument("--out", type=Path, default=Path("data"), metavar="ПАПКА", help=OUT_HELP)


def add_diff(commands) -> None:
    diff = command(commands, "diff", "что изменилось в новой редакции плана региона: мероприятия добавлены, "
                                     "удалены, сроки и ответственные изменены",
                   '  svodka diff "Хабаровский край"\n  svodka diff RU-KHA --year 2021\n  svodka diff 27', cmd_diff)
    diff.add_argument("region", metavar="РЕГИОН", help="название, код (RU-KHA) или номер (27) региона")
    diff.add_argument("--year", type=int, default=None, metavar="ГОД", help="год плана (по умолчанию: последний)")
    diff.add_argument("--out", type=Path, default=Path("data"), metavar="ПАПКА", help=OUT_HELP)


def settings_from(args) -> Settings:
    return Settings(out_dir=args.out, reprocess=args.reprocess, workers=args.workers,
                    task_runner=args.runner, dask_address=args.dask_address,
                    corrections=[p.resolve() for p in args.corrections],
                    document_timeout_seconds=args.document_timeout)


def run_refused(args) -> int | None:
    """Exit code 2 and one line for inboxes or an output folder no run could use (a missing or unreadable
    inbox, an --out that cannot be written) — before Prefect is imported, so a typo is answered at once."""
    from pipeline.preflight import run_problem

    problem = run_problem(args.inbox, args.out)
    return print_error(problem.text) if problem else None


# ---------------------------------------------------------------- commands


def cmd_extract(args) -> int:
    from pipeline.inbox import fingerprint
    from pipeline.parse import parse_source

    if args.file.is_dir():
        return print_error(message("cli.is_folder", path=args.file).text)
    if not args.file.is_file():
        return print_error(message("cli.not_found", path=args.file).text)
    parsed = parse_source(fingerprint(args.file), Settings())
    print(json.dumps(parsed.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0 if parsed.record.status != "quarantined" else 1


def cmd_ingest(args) -> int:
    """One run per output folder (a second one says so and exits 0, or waits with --wait); Ctrl-C and
    SIGTERM stop it within seconds, with the catalog recording the run as interrupted."""
    from flows.stopping import NightInterrupted, stop_on_signals, stop_requested
    from pipeline.run_lock import RunInProgressError, run_lock

    if (refused := run_refused(args)) is not None:
        return refused
    started = False
    try:
        with stop_on_signals(end_parsers), run_lock(args.out, wait=args.wait, on_wait=say_waiting(args.out)):
            started = True
            return ingest_and_report(args)
    except RunInProgressError as busy:
        print(busy.message.text, file=sys.stderr)
        return 0
    except NightInterrupted as stop:
        if started:
            print(message("run.interrupted", signal=stop.name).text, file=sys.stderr)
        return stop.exit_code
    except Exception:
        if (signum := stop_requested()) is None:
            raise
        stop = NightInterrupted(signum)  # an error on the way out of a stopped night is part of stopping
        print(message("run.interrupted", signal=stop.name).text, file=sys.stderr)
        return stop.exit_code


def end_parsers() -> None:
    """The parser processes, if this run got as far as starting them (importing them costs seconds)."""
    if workers := sys.modules.get("flows.workers"):
        workers.close_pool()


def say_waiting(out: Path):
    def say(holder: dict) -> None:
        print(message("run.waiting", out=out, pid=holder.get("pid", "?"), started=holder.get("started_at", "?")).text,
              file=sys.stderr, flush=True)
    return say


def ingest_and_report(args) -> int:
    from flows.ingest import run_ingest
    from pipeline.outputs import OUTPUT_FILES
    from pipeline.report import summary_to_text

    summary = run_ingest([str(p) for p in args.inbox], settings_from(args))
    print(summary_to_text(summary))
    print(f"\nОпубликовано в {args.out.resolve()}:")
    for name, description in OUTPUT_FILES.items():
        print(f"  {args.out / name}  — {description}")
    return 0


def cmd_query(args) -> int:
    from pipeline.analytics import run_query

    return print_answer(lambda: run_query(args.out, args.sql, args.format, args.full))


def cmd_compare(args) -> int:
    from pipeline.analytics import compare

    return print_answer(lambda: compare(args.out, args.category))


def cmd_coverage(args) -> int:
    from pipeline.answers import coverage_text

    return print_answer(lambda: coverage_text(args.out, args.year))


def cmd_deadlines(args) -> int:
    from pipeline.answers import deadlines_text

    return print_answer(lambda: deadlines_text(args.out, args.as_of or date.today(), args.days, args.format,
                                               args.full))


def cmd_report(args) -> int:
    from pipeline.outputs.report_html import write_report_html
    from pipeline.published import read_release

    found = read_release(args.out)
    if found is None:
        return print_error(message("cli.no_dataset", out_dir=args.out).text)
    release, activities, records = found
    day = args.as_of or date.today()
    target = args.to or Path(f"report-{day.isoformat()}.html")
    write_report_html(release, activities, records, today=day, path=target)
    print(f"Отчёт на {day:%d.%m.%Y}: {target.resolve()}")
    return 0


def print_answer(answer) -> int:
    """Print an analytics answer; a bad query, category or year is explained in one line, without a traceback."""
    from pipeline.analytics import QueryError

    try:
        print(answer())
    except QueryError as error:
        return print_error(str(error))
    return 0


def cmd_serve(args) -> int:
    if (refused := run_refused(args)) is not None:
        return refused
    from flows.serve import serve_nightly

    cron = args.cron or (None if args.interval else "0 2 * * *")
    serve_nightly(args.inbox, settings_from(args), cron=cron, interval=args.interval)
    return 0


def cmd_diff(args) -> int:
    from pipeline.diff import DiffError, diff_text

    try:
        print(diff_text(args.out, args.region, args.year))
    except DiffError as error:
        return print_error(str(error))
    return 0


def cmd_status(args) -> int:
    from pipeline.status import status_to_json, status_to_text

    print(status_to_json(args.out) if args.json else status_to_text(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
