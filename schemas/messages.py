"""Every sentence a person reads about the data — why a file was not ingested, what a document leaves
undecided, what is odd about a deadline — and why a command could not do what it was asked, as a code with parameters, rendered in Russian here and only
here, so the wording can be reviewed in one file.

Data carries `Message`s (a code and its parameters, all strings; dates as ISO); outputs render them. A
message's `text` is part of its dump, so a published record can be read without this module.
"""

import re

from pydantic import BaseModel, ConfigDict, Field, computed_field

CATALOGUE: dict[str, str] = {
    # ---- why a file was not ingested (documents.jsonl `reason`, status quarantined)
    "file.empty": "Файл пустой (0 байт или одни пробелы): загрузите его заново",
    "file.too_large": "Файл больше допустимого ({size_mb} МБ при пределе {limit_mb} МБ)",
    "file.temporary": "Это временный файл Word/LibreOffice, а не документ",
    "file.misnamed": "Файл назван .{named}, но по содержимому это {actual}: переименуйте его (расширение "
                     ".{suffix}) и загрузите снова",
    "file.broken_as_named": "Файл назван .{named}, но его содержимое не похоже на {expected}: файл повреждён "
                            "или сохранён неверно — сохраните его заново и загрузите",
    "file.unsupported": "Это {actual}, а не план: ожидался DOCX, PDF или текстовый файл",
    "file.too_many_pages": "В PDF {pages} страниц при пределе {limit}: это не похоже на план",
    "docx.corrupt": "Файл DOCX повреждён и не открывается: сохраните его в Word заново и загрузите",
    "docx.not_zip": "Файл DOCX повреждён: это не полный ZIP-архив",
    "docx.zip_bomb": "DOCX распаковывается в {unpacked_mb} МБ при {packed_mb} МБ в архиве — так выглядит "
                     "«zip-бомба», а не план; файл не открывался",
    "docx.xml_entities": "В части {part} объявлены XML-сущности (DOCTYPE/ENTITY): Word так не сохраняет, "
                         "файл отклонён ради безопасности",
    "pdf.encrypted": "PDF защищён паролем: снимите защиту и загрузите файл снова",
    "pdf.corrupt": "PDF повреждён и не читается: {problem}. Сохраните PDF заново и загрузите",
    "pdf.scan": "В PDF нет текстового слоя — похоже, это скан. Загрузите исходный DOCX или PDF, "
                "сохранённый из Word (распознавание сканов Svodka не выполняет)",
    "pdf.no_unicode": "Текст PDF не читается: шрифты в файле без таблицы символов (в тексте «(cid:NN)»). "
                      "Сохраните PDF из Word заново или загрузите DOCX",
    "convert.no_office": "Формат «{suffix}» (Word 97–2003, RTF или ODT) читается только через LibreOffice, "
                         "а он не установлен: откройте файл в Word и сохраните как DOCX",
    "convert.timeout": "LibreOffice не смог преобразовать файл за {minutes} мин.",
    "convert.failed": "LibreOffice не смог открыть файл: он повреждён или это не документ",
    "plan.no_plan_table": "В документе {tables} табл., но ни одна не похожа на план: нет столбцов "
                          "«Мероприятие» и «Срок»/«Ответственный»",
    "plan.no_table": "В документе нет таблицы мероприятий (столбцы «Мероприятие», «Срок», «Ответственный») и "
                     "нет нумерованного списка со строками «Срок:»/«Ответственный:» — похоже, это не план",
    "internal.error": "Svodka не смогла обработать файл из-за внутренней ошибки. Сообщите разработчикам "
                      "(подробности — в каталоге, код {ref})",
    "worker.lost": "Разбор файла прервался: процесс разбора завершился аварийно. Сообщите разработчикам",
    # ---- what became of a file that was read (documents.jsonl `reason`)
    "document.duplicate": "Точная копия файла «{file}» (те же байты)",
    "document.superseded": "Заменён более новой версией плана «{file}»",
    "document.superseded_approved": "Заменён более новой версией плана «{file}», утверждена {approved_on}",
    # ---- what a read document leaves undecided (documents.jsonl `reason` of an ingested plan)
    "fact.no_region": "регион не указан в заголовке и реквизитах документа",
    "fact.competing_regions": "в заголовке названы {count}: {names}",
    "fact.region_body_silent": "в тексте плана нет единственного региона, названного при палате, комиссии "
                               "или прокуратуре",
    "fact.no_year": "год плана не указан: нет года ни в заголовке, ни у выборов, ни в дате утверждения",
    "fact.late_approval": "план утверждён {approved_on}, в конце года, а год выборов в документе не назван",
    "fact.undated_approval": "в грифе утверждения нет даты",
    # ---- a deadline read, but odd (activities `deadline_warnings`)
    "deadline.before_approval": "срок раньше даты утверждения плана {approved_on}",
    "deadline.starts_before_approval": "начало раньше даты утверждения плана {approved_on}",
    "deadline.end_before_start": "окончание раньше начала",
    "deadline.far_year": "год {year} отстоит от года плана {plan_year} больше чем на 2",
    "deadline.ignored": "не учтено: «{text}»",
    "deadline.recurrence_dates_dropped": "даты рядом с повторяемостью не сохранены: «{text}»",
    "deadline.voting_mismatch": "даты не совпадают с днями голосования {start}–{end}",
    # ---- why a deadline stayed unparsed (activities `deadline_warnings`, kind unparsed)
    "deadline.not_understood": "не понято: «{text}»",
    "deadline.not_understood_words": "не понято: «{text}»; незнакомые слова: {unknown}",
    "deadline.empty": "срок пуст",
    "deadline.voting_unknown": "дни голосования неизвестны: в плане их нет, в календаре тоже",
    "deadline.no_year": "в сроке нет года, и год плана неизвестен",
    "deadline.year_out_of_range": "год {year} вне 1990–2100",
    "deadline.no_such_date": "такой даты нет: {date}",
    "deadline.no_such_month": "нет месяца с номером {month}",
    "deadline.three_decades": "в месяце три декады, а не {number}",
    "deadline.no_such_period": "нет {unit} с номером {number}",
    "deadline.decade_without_month": "декада без месяца",
    "deadline.number_without_month": "число без месяца: {number}",
    "deadline.until_month": "«до» и месяц: до его начала или до конца? (напишите «до конца …» или число)",
    "deadline.internal_error": "срок не разобран из-за внутренней ошибки (сообщите разработчикам)",
    # ---- the command line (svodka …): what went wrong with a command, in one line
    "cli.is_folder": "{path} — это папка, а не файл: укажите один файл плана (папки принимает «svodka ingest»)",
    "cli.not_found": "Файл не найден: {path}",
    "cli.inboxes_not_found": "Не найдены: {paths}",
    "cli.out_not_folder": "{path} — это файл, а набор публикуется в папку: укажите в --out папку",
    "cli.not_positive": "нужно целое число не меньше 1, а не «{value}»",
    "cli.bad_date": "«{value}» — не дата: напишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД",
    "cli.no_catalog": "В {out_dir} ещё нет каталога: запустите «svodka ingest … --out {out_dir}»",
    "cli.no_dataset": "В {out_dir} нет опубликованного набора: сначала запустите «svodka ingest … --out {out_dir}»",
    "query.no_database": "В {out_dir} нет базы {name}: сначала запустите «svodka ingest … --out {out_dir}»",
    "query.bad_sql": "Запрос не выполнен: {error}\nТаблицы: activities, documents, regions, categories, plans, "
                     "coverage; представления: {views}.",
    "query.unknown_category": "Нет категории «{category}». Есть: {known}",
    "query.ambiguous_category": "«{category}» подходит к нескольким категориям: {matches}. Напишите точнее",
    "query.unknown_year": "В наборе нет выборов {year} года. Есть: {years}",
    # ---- a record written by an older Svodka, before codes
    "legacy": "{text}",
}
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class Message(BaseModel):
    """One thing to tell a person: a code of the catalogue and its parameters."""

    model_config = ConfigDict(frozen=True)

    code: str
    params: dict[str, str] = Field(default_factory=dict)

    @computed_field
    @property
    def text(self) -> str:
        return render(self)

    def __str__(self) -> str:
        return self.text


def message(code: str, **params) -> Message:
    """A message of the catalogue; parameters are kept as strings (dates as ISO, numbers as written)."""
    if code not in CATALOGUE:
        raise KeyError(f"no message «{code}» in the catalogue")
    return Message(code=code, params={k: "" if v is None else str(v) for k, v in params.items()})


def render(item: Message) -> str:
    """The Russian sentence; ISO dates are shown as ДД.ММ.ГГГГ."""
    template = CATALOGUE.get(item.code)
    if template is None:
        return item.params.get("text", item.code)
    shown = {k: ISO_DATE.sub(r"\3.\2.\1", v) for k, v in item.params.items()}
    return template.format_map(_Missing(shown))


def render_all(items: list[Message]) -> str | None:
    """Several messages as one line, «; » between them; None when there are none."""
    return "; ".join(render(item) for item in items) or None


class _Missing(dict):
    """A parameter the data lacks shows as «?» rather than breaking the sentence."""

    def __missing__(self, key: str) -> str:
        return "?"
