"""What analysts open: Excel, the HTML comparison report, a calendar of deadlines and a DuckDB database.

Each writer is `writer(release_dir, activities, records)`; `publish_release(..., extra_writers=ANALYST_WRITERS)`
runs them inside the release before it is swapped in, so they appear (and disappear) with it."""

from pipeline.outputs.duck import write_duckdb
from pipeline.outputs.ics import write_ics
from pipeline.outputs.report_html import write_report_html
from pipeline.outputs.xlsx import write_xlsx

ANALYST_WRITERS = [write_xlsx, write_report_html, write_ics, write_duckdb]

OUTPUT_FILES = {
    "activities.jsonl": "мероприятия, по одному JSON в строке (основной набор)",
    "documents.jsonl": "документы: статус каждого файла и причина, если он не принят",
    "activities.parquet": "мероприятия в формате Parquet (для pandas, Arrow, DuckDB)",
    "activities.csv": "мероприятия таблицей CSV (UTF-8, открывается в Excel)",
    "activities.xlsx": "книга Excel: мероприятия, регионы × категории, охват, документы, что проверить, изменения",
    "report.html": "отчёт для сравнения планов: матрица, шкала сроков, ближайшие сроки, качество данных",
    "deadlines.ics": "сроки мероприятий для календаря (Outlook, Google, Яндекс)",
    "svodka.duckdb": "база DuckDB для SQL: `svodka query \"SELECT …\"`, `svodka compare --category hotline`",
    "review.xlsx": "что проверить человеку: впишите «Исправленное значение» или «Верно» и сохраните "
                   "файл в папку corrections/ набора — следующий запуск его применит",
    "changes.jsonl": "что изменилось между редакциями планов: мероприятия добавлены, удалены, изменены",
    "corrections.jsonl": "исправления людей и что с каждым стало (применено, перенесено, отклонено и почему)",
}
