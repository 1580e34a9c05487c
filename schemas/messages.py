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
    "file.temporary": "Это временный файл Word/LibreOffice (документ открыт в редакторе), а не сам документ: "
                      "сам документ будет принят, когда его сохранят и закроют",
    "file.misnamed": "Файл назван .{named}, но по содержимому это {actual}: переименуйте его (расширение "
                     ".{suffix}) и загрузите снова",
    "file.broken_as_named": "Файл назван .{named}, но его содержимое не похоже на {expected}: файл повреждён "
                            "или сохранён неверно — сохраните его заново и загрузите",
    "file.unsupported": "Это {actual}, а не план: ожидался документ Word, таблица Excel, PDF, веб-страница или "
                        "текстовый файл",
    "file.too_many_pages": "В PDF {pages} страниц при пределе {limit}: это не похоже на план",
    "file.encrypted_office": "Файл защищён паролем (зашифрованный документ Word или Excel): откройте его, снимите "
                             "пароль (Файл → Сведения → Защита) и загрузите снова",
    "file.other_archive": "Это архив {kind}: Svodka распаковывает только ZIP — запакуйте файлы в ZIP или "
                          "загрузите их по отдельности",
    "docx.corrupt": "Файл DOCX повреждён и не открывается: сохраните его в Word заново и загрузите",
    "package.not_zip": "Файл {kind} повреждён: это не полный ZIP-архив",
    "package.zip_bomb": "{kind} распаковывается в {unpacked_mb} МБ при {packed_mb} МБ в архиве — так выглядит "
                        "«zip-бомба», а не план; файл не открывался",
    "package.xml_entities": "В части {part} файла {kind} объявлены XML-сущности (DOCTYPE/ENTITY): Word и Excel "
                            "так не сохраняют, файл отклонён ради безопасности",
    "sheet.corrupt": "Таблица {kind} повреждена или сохранена в незнакомом виде и не открывается: сохраните её "
                     "в Excel заново (как XLSX) и загрузите",
    "sheet.too_large": "Листы книги Excel занимают {size_mb} МБ (предел {limit_mb} МБ): это не похоже на план",
    "web.no_plan": "Это веб-страница, но в ней нет таблицы плана (столбцы «Мероприятие», «Срок», "
                   "«Ответственный»): загрузите сам план — DOCX, XLSX или PDF",
    "web.no_page": "Это веб-архив (MHT), но в нём нет HTML-страницы: файл повреждён — сохраните страницу заново",
    "archive.unpacked": "ZIP-архив: файлов в нём {members}, каждый разобран как отдельный документ "
                        "(«{name}!…»)",
    "archive.empty": "ZIP-архив пуст: документов в нём нет",
    "archive.none_taken": "ZIP-архив: ни один файл из него не распакован",
    "archive.corrupt": "ZIP-архив повреждён и не распаковывается: запакуйте файлы заново и загрузите",
    "archive.member_too_large": "файл «{member}» из архива не распакован: {size_mb} МБ при пределе {limit_mb} МБ",
    "archive.member_bomb": "файл «{member}» из архива не распакован: он сжат в {ratio} раз — так выглядит "
                           "«zip-бомба»",
    "archive.member_path": "файл «{member}» из архива не распакован: его путь ведёт за пределы архива",
    "archive.member_encrypted": "файл «{member}» в архиве защищён паролем и не распакован",
    "archive.member_link": "«{member}» в архиве — ссылка, а не файл: не распакована",
    "archive.member_corrupt": "файл «{member}» в архиве повреждён и не распакован",
    "archive.nested": "«{member}» — архив внутри архива: он не распаковывается, загрузите его отдельно",
    "archive.too_large": "архив распаковывается больше чем в {limit_mb} МБ: «{member}» и следующие файлы не "
                         "распакованы",
    "archive.too_many_members": "в архиве больше {limit} файлов: «{member}» и следующие не распакованы",
    "archive.system_files": "служебных файлов системы (__MACOSX, Thumbs.db …) пропущено: {count}",
    "pdf.encrypted": "PDF защищён паролем: снимите защиту и загрузите файл снова",
    "pdf.corrupt": "PDF повреждён и не читается: {problem}. Сохраните PDF заново и загрузите",
    "pdf.dense_page": "На стр. {page} PDF — густая сетка линий ({crossings} пересечений при пределе {limit}): так "
                      "выглядят бланки и миллиметровка, а не план, а её разбор занял бы слишком долго. Если это "
                      "план, загрузите его в DOCX",
    "pdf.too_much_work": "PDF слишком трудоёмок для разбора: на {pages} стр. уже {crossings} пересечений линий "
                         "таблиц при пределе {limit} на документ. Если это план, загрузите его в DOCX или "
                         "разделите на части",
    "pdf.no_pages": "PDF пустой: в нём нет ни одной страницы. Проверьте, тот ли файл загружен, и загрузите план "
                    "заново",
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
    "convert.no_office_sheet": "Эту книгу Excel 97–2003 можно прочитать только через LibreOffice, а он не "
                               "установлен: откройте файл в Excel и сохраните как XLSX",
    "plan.no_plan_table": "В документе {tables} табл., но ни одна не похожа на план: нет столбцов "
                          "«Мероприятие» и «Срок»/«Ответственный»",
    "plan.no_table": "В документе нет таблицы мероприятий (столбцы «Мероприятие», «Срок», «Ответственный») и "
                     "нет нумерованного списка со строками «Срок:»/«Ответственный:» — похоже, это не план",
    "plan.empty": "План пуст: в таблице мероприятий только шапка (или незаполненный шаблон) — нет ни одного "
                  "мероприятия. Заполните план и загрузите его снова",
    "plan.not_observation_plan": "Похоже, это не план общественного штаба по наблюдению за выборами, а {found}: ни "
                                 "в заголовке, ни в строках нет слов о выборах, голосовании или наблюдении. Если это "
                                 "всё же план штаба, укажите в заголовке, к каким выборам он относится",
    "plan.other_body_plan": "Похоже, это не план общественного штаба по наблюдению за выборами, а план другого "
                            "органа: «{title}». Планы избирательных комиссий в сводку не входят",
    "internal.error": "Svodka не смогла обработать файл из-за внутренней ошибки. Сообщите разработчикам "
                      "(подробности — в каталоге, код {ref})",
    "document.too_slow": "Разбор файла прерван: он шёл дольше {seconds} с — предела на один документ. Так бывает "
                         "с PDF из сотен страниц с густой сеткой линий. Если это план, загрузите его в DOCX или "
                         "разделите на части",
    "worker.lost": "Разбор файла прервался: процесс разбора завершился аварийно. Сообщите разработчикам",
    # ---- an inbox entry that was not read tonight (status waiting or quarantined, no document id)
    "inbox.still_uploading": "Файл ещё загружается: его размер или время изменения менялись во время приёма. "
                             "Он будет принят при следующем приёме",
    "inbox.temporary_name": "Файл ещё загружается (временное имя загрузки): он будет принят, когда загрузка "
                            "закончится и файл получит своё имя",
    "inbox.changed_while_read": "Файл изменился во время приёма (его переписали, переименовали или удалили): он "
                                "будет принят при следующем приёме",
    "inbox.link_outside": "Это ссылка на файл вне папки входящих ({target}): такие ссылки не открываются. "
                          "Положите в папку сам файл",
    "inbox.link_dangling": "Это ссылка, которая никуда не ведёт: файла «{target}» нет",
    "inbox.link_loop": "Это ссылка, которая ведёт сама на себя (петля ссылок через «{target}»): файла за ней нет",
    "inbox.link_to_folder": "Это ссылка на папку ({target}): папки по ссылкам не просматриваются. Положите файлы "
                            "в папку входящих",
    "inbox.not_a_file": "Это не документ, а служебный объект системы ({kind}): он не читается",
    "inbox.unreadable": "Нет прав на чтение ({what}): дайте Svodka права на чтение и запустите приём снова",
    # ---- what was noticed about a file that was read (documents.jsonl `notes`)
    "note.macros_unread": "в файле есть макросы (VBA): они не запускались и не сохранены, прочитан только "
                          "текст документа",
    "note.sheet_hidden": "скрытый лист «{sheet}» не читался",
    # ---- what became of a file that was read (documents.jsonl `reason`)
    "document.replaced_same_name": "Заменён файлом с тем же именем, загруженным позже",
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
    "plan.partial": "план прочитан не полностью: {tables}",
    # ---- why a table of a read document gave no activities (documents.jsonl `tables_skipped`)
    "table.not_plan": "табл. {table}{where}: не похожа на таблицу плана — нет столбцов «Мероприятие» и "
                      "«Срок»/«Ответственный», и она не продолжает таблицу плана выше",
    "table.empty": "табл. {table}{where}: шапка плана без единого мероприятия",
    # ---- a deadline read, but odd (activities `deadline_warnings`)
    "deadline.before_approval": "срок раньше даты утверждения плана {approved_on}",
    "deadline.end_before_start": "окончание раньше начала",
    "deadline.far_year": "год {year} отстоит от года плана {plan_year} больше чем на 2",
    "deadline.ignored": "не учтено: «{text}»",
    "deadline.recurrence_dates_dropped": "даты рядом с повторяемостью не сохранены: «{text}»",
    "deadline.voting_mismatch": "даты не входят в дни голосования {start}–{end}",
    "deadline.weekday_mismatch": "день недели «{written}» не совпадает с датой {date}",
    # ---- a deadline counted from an event whose day is unknown: kind, anchor and offset kept, no dates
    "deadline.unknown_election_called": "день назначения выборов (официального опубликования решения) "
                                        "неизвестен: в плане его нет, в календаре тоже — срок без даты",
    "deadline.unknown_candidates_registered": "день регистрации кандидатов неизвестен: в плане его нет — "
                                              "срок без даты",
    "deadline.unknown_results_established": "день подведения итогов выборов неизвестен: в плане его нет, "
                                            "в календаре тоже — срок без даты",
    "deadline.unknown_results_published": "день официального опубликования результатов выборов неизвестен: "
                                          "в плане его нет, в календаре тоже — срок без даты",
    "deadline.unknown_plan_approved": "дата утверждения плана неизвестна — срок без даты",
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
    "deadline.time_without_day": "время без дня: «{text}»",
    "deadline.weekday_without_date": "день недели без даты: «{text}»",
    "deadline.list_out_of_order": "даты перечислены не по порядку — это не один срок",
    "deadline.which_winter": "какая зима? Год назван только рядом — напишите год у зимы («зима 2021-2022»)",
    "deadline.until_month": "«до» и месяц: до его начала или до конца? (напишите «до конца …» или число)",
    "deadline.internal_error": "срок не разобран из-за внутренней ошибки (сообщите разработчикам)",
    # ---- the command line and the run (printed, one line each)
    "cli.inbox_unreadable": "Нет прав на чтение папки входящих: {paths}",
    "cli.out_not_writable": "--out {out}: в эту папку нельзя записывать ({problem}) — укажите другую или дайте "
                            "права на запись",
    "run.in_progress": "В папке {out} уже идёт прогон (PID {pid}, начат {started}): этот запуск ничего не "
                       "делает. Чтобы дождаться его окончания, добавьте --wait",
    "run.waiting": "В папке {out} идёт прогон (PID {pid}, начат {started}): жду его окончания…",
    "run.interrupted": "Прогон прерван ({signal}): опубликованный набор остался прежним, разобранное сохранено, "
                       "следующий запуск доделает остальное",
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
    "review.partial_document": "документ прочитан не полностью ({tables}): проверьте, не пропущены ли "
                               "мероприятия",
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
    # ---- the command line (svodka …): what went wrong with a command, in one line
    "cli.is_folder": "{path} — это папка, а не файл: укажите один файл плана (папки принимает «svodka ingest»)",
    "cli.not_found": "Файл не найден: {path}",
    "cli.inboxes_not_found": "Не найдены: {paths}",
    "cli.out_not_folder": "{path} — это файл, а набор публикуется в папку: укажите в --out папку",
    "cli.not_positive_seconds": "нужно число секунд больше нуля, а не «{value}»",
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
