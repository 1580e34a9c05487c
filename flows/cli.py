"""`svodka`: extract one file, ingest inboxes, show the catalog, keep the nightly schedule."""

import argparse
import json
import sys
from pathlib import Path

from pipeline.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.handler(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="svodka", description="Сводка планов общественных штабов")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="разобрать один файл и напечатать результат (JSON)")
    extract.add_argument("file", type=Path)
    extract.set_defaults(handler=cmd_extract)

    ingest = commands.add_parser("ingest", help="принять файлы из папок и опубликовать набор")
    ingest.add_argument("inbox", nargs="+", type=Path)
    add_run_options(ingest)
    ingest.add_argument("--wait", action="store_true", help="если в папке уже идёт прогон — дождаться его")
    ingest.set_defaults(handler=cmd_ingest)

    serve = commands.add_parser("serve", help="держать ночное расписание (локальный сервер Prefect)")
    serve.add_argument("--inbox", nargs="+", type=Path, required=True)
    when = serve.add_mutually_exclusive_group()
    when.add_argument("--cron", default=None, help='расписание cron, например "0 2 * * *" (по умолчанию)')
    when.add_argument("--interval", type=int, default=None, help="или интервал в секундах")
    add_run_options(serve)
    serve.set_defaults(handler=cmd_serve)

    query = commands.add_parser("query", help="SQL к опубликованной базе (DuckDB)")
    query.add_argument("sql")
    query.add_argument("--out", type=Path, default=Path("data"))
    query.set_defaults(handler=cmd_query)

    compare = commands.add_parser("compare", help="сравнить регионы по категории мероприятий")
    compare.add_argument("--category", required=True, help="например hotline или «Горячая линия»")
    compare.add_argument("--out", type=Path, default=Path("data"))
    compare.set_defaults(handler=cmd_compare)

    diff = commands.add_parser("diff", help="что изменилось в новой редакции плана региона")
    diff.add_argument("region", help="название, код (RU-KHA) или номер (27) региона")
    diff.add_argument("--year", type=int, default=None, help="год плана (по умолчанию последний)")
    diff.add_argument("--out", type=Path, default=Path("data"))
    diff.set_defaults(handler=cmd_diff)

    status = commands.add_parser("status", help="что пришло, что отложено и почему")
    status.add_argument("--out", type=Path, default=Path("data"))
    status.set_defaults(handler=cmd_status)
    return parser


def add_run_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--out", type=Path, default=Path("data"), help="папка публикации (data)")
    command.add_argument("--reprocess", choices=["none", "failed", "all"], default="none",
                         help="разобрать заново: ничего, отложенные, всё")
    command.add_argument("--workers", type=int, default=2, help="параллельных процессов разбора")
    command.add_argument("--runner", choices=["threads", "processes", "dask"], default="processes")
    command.add_argument("--dask-address", default=None, help="адрес планировщика Dask")
    command.add_argument("--document-timeout", type=float, default=120,
                         help="предел времени разбора одного документа, с (120)")
    command.add_argument("--corrections", nargs="+", type=Path, default=[],
                         help="файлы исправлений (CSV, XLSX) в дополнение к папке OUT/corrections")


def settings_from(args) -> Settings:
    return Settings(out_dir=args.out, reprocess=args.reprocess, workers=args.workers,
                    task_runner=args.runner, dask_address=args.dask_address,
                    document_timeout_seconds=args.document_timeout,
                    corrections=[p.resolve() for p in args.corrections])


def run_arguments_refused(args, inboxes: list[Path]) -> bool:
    """One Russian line and exit code 2 for arguments no run could use — before anything starts."""
    from pipeline.preflight import run_problem

    problem = run_problem(inboxes, args.out, args.workers, args.document_timeout)
    if problem:
        print(problem.text, file=sys.stderr)
    return problem is not None


def cmd_extract(args) -> int:
    from pipeline.inbox import fingerprint
    from pipeline.parse import parse_source

    if not args.file.is_file():
        print(f"Файл не найден: {args.file}", file=sys.stderr)
        return 2
    parsed = parse_source(fingerprint(args.file), Settings())
    print(json.dumps(parsed.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0 if parsed.record.status != "quarantined" else 1


def cmd_ingest(args) -> int:
    """One run per output folder (a second one says so and exits 0, or waits with --wait); Ctrl-C and
    SIGTERM stop it within seconds, with the catalog recording the run as interrupted."""
    from flows.stopping import NightInterrupted, stop_on_signals
    from pipeline.run_lock import RunInProgressError, run_lock
    from schemas import message

    if run_arguments_refused(args, args.inbox):
        return 2
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


def end_parsers() -> None:
    """The parser processes, if this run got as far as starting them (importing them costs seconds)."""
    if workers := sys.modules.get("flows.workers"):
        workers.close_pool()


def say_waiting(out: Path):
    from schemas import message

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

    return print_answer(lambda: run_query(args.out, args.sql))


def cmd_compare(args) -> int:
    from pipeline.analytics import compare

    return print_answer(lambda: compare(args.out, args.category))


def print_answer(answer) -> int:
    """Print an analytics answer; a bad query or category is explained in one line, without a traceback."""
    from pipeline.analytics import QueryError

    try:
        print(answer())
    except QueryError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def cmd_serve(args) -> int:
    if run_arguments_refused(args, args.inbox):
        return 2
    from flows.serve import serve_nightly

    cron = args.cron or (None if args.interval else "0 2 * * *")
    serve_nightly(args.inbox, settings_from(args), cron=cron, interval=args.interval)
    return 0


def cmd_diff(args) -> int:
    from pipeline.diff import DiffError, diff_text

    try:
        print(diff_text(args.out, args.region, args.year))
    except DiffError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def cmd_status(args) -> int:
    from pipeline.status import status_to_text

    print(status_to_text(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
