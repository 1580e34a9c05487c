"""Every sentence a person reads about the data — why a file was not ingested, what a document leaves
undecided, what is odd about a deadline — as a code with parameters, rendered in Russian here and only
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
    "pdf.blank": "В PDF нет ни текста, ни изображений страниц — читать нечего: загрузите файл заново",
    "ocr.unavailable": "Файл нужно распознавать как скан ({what}), а распознавание текста здесь не "
                       "установлено ({missing}). Установите Tesseract с русским языком (пакет "
                       "tesseract-ocr-rus) или загрузите исходный DOCX или PDF, сохранённый из Word",
    "scan.too_many_pages": "В скане {pages} страниц при пределе {limit} для распознавания: это не похоже на "
                           "план — загрузите исходный документ",
    "scan.no_table": "В распознанном скане ({pages} стр.) не найдено таблицы мероприятий (столбцы "
                     "«Мероприятие», «Срок», «Ответственный»): скан нечёткий или это не план. Загрузите "
                     "исходный DOCX или PDF, сохранённый из Word",
    "image.too_small": "Это изображение слишком мелкое для распознавания ({width}×{height} точек): нужен снимок "
                       "или скан не меньше 200 точек на дюйм — для листа A4 от 1700×2300 точек",
    "image.no_table": "Это изображение: текст на нём распознан, но таблицы мероприятий не найдено — снимок "
                      "мелкий, нечёткий или снят не целиком, или это не план. Загрузите исходный DOCX или PDF "
                      "либо скан не меньше 200 точек на дюйм",
    "image.corrupt": "Это изображение, но оно повреждено или сохранено в формате, который не читается: "
                     "сохраните его как JPEG, PNG или PDF и загрузите снова",
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
    # ---- why an activity is on the review list (activities `review_reasons`, review.xlsx)
    "review.deadline_unparsed": "срок не распознан: «{raw}»",
    "review.deadline_doubt": "срок «{raw}» вызывает сомнение: {why}",
    "review.no_responsible": "не указан ответственный, хотя у других мероприятий плана он есть",
    "review.person_not_recognised": "в ответственных похоже на фамилию с инициалами, но человек не распознан: "
                                    "«{raw}»",
    "review.joined_fragments": "строка разорвана переносом страницы и склеена из частей (стр. {pages}): "
                               "проверьте, что части соединены верно",
    "review.title_short": "слишком короткое название мероприятия: «{title}»",
    "review.title_long": "слишком длинное название мероприятия ({length} знаков): возможно, склеены две строки",
    "review.category_other": "мероприятие не отнесено ни к одной категории («Прочее»)",
    "review.low_confidence": "текст ячейки «{column}» распознан со скана неуверенно ({confidence} %), "
                             "стр. {page}: сверьте со сканом",
    # ---- what became of a correction (corrections.jsonl, the catalog)
    "correction.no_target": "исправление не применено: в наборе нет мероприятия или документа с кодом {target}",
    "correction.unknown_field": "исправление не применено: поля «{field}» нет (можно: {known})",
    "correction.bad_value": "исправление не применено: «{value}» не подходит для поля «{field}» ({why})",
    "correction.machine_changed": "исправление не применено: значение поля «{field}» в документе изменилось с "
                                  "«{expected}» на «{found}» — проверьте исправление заново",
    "correction.orphaned": "исправление не перенесено в новую редакцию плана: мероприятие «{title}» в ней "
                           "удалено или изменено",
    "correction.carried": "исправление перенесено в новую редакцию плана «{file}»",
    "correction.no_columns": "файл исправлений «{file}» пропущен: нет столбцов activity_id (или document_id), "
                             "field и value",
    "correction.unreadable": "файл исправлений «{file}» не читается: сохраните его как XLSX или CSV (UTF-8)",
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
