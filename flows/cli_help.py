"""The command line speaks Russian throughout (and checks its values as it reads them): argparse's own words («usage:», «options:», «show this help
message and exit», its error messages) are translated here, every option's default is shown, each command
ends with examples, and a mistake is one line on stderr (exit code 2) instead of the usage block.

argparse looks its words up through a module-level `_` at the moment it needs them; RussianParser swaps
in this table only while it builds, parses or prints, so nothing else in the process is affected."""

import argparse
import sys
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from schemas.messages import message

RUSSIAN = {
    "usage: ": "Использование: ",
    "options": "параметры",
    "positional arguments": "аргументы",
    "show this help message and exit": "показать эту справку и выйти",
    "show program's version number and exit": "показать версию и выйти",
    "the following arguments are required: %s": "не хватает обязательных аргументов: %s",
    "unrecognized arguments: %s": "непонятные аргументы: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение %(value)r (можно: %(choices)s)",
    "invalid %(type)s value: %(value)r": "недопустимое значение %(value)r",
    "expected one argument": "нужно значение",
    "expected at most one argument": "нужно не больше одного значения",
    "expected at least one argument": "нужно хотя бы одно значение",
    "expected %s argument": "нужно значений: %s",
    "expected %s arguments": "нужно значений: %s",
    "not allowed with argument %s": "нельзя вместе с %s",
    "one of the arguments %s is required": "нужен один из аргументов: %s",
    "ambiguous option: %(option)s could match %(matches)s": "неоднозначный параметр %(option)s: подходят %(matches)s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "нет команды %(parser_name)r (есть: %(choices)s)",
    "ignored explicit argument %r": "лишнее значение %r",
    "unexpected option string: %s": "неожиданный параметр: %s",
    "can't open '%(filename)s': %(error)s": "не открывается «%(filename)s»: %(error)s",
}
DEFAULT = " (по умолчанию: %(default)s)"


def russian(text: str) -> str:
    return RUSSIAN.get(text, text)


def russian_plural(singular: str, plural: str, n: int) -> str:
    return RUSSIAN.get(singular if n == 1 else plural, singular if n == 1 else plural)


@contextmanager
def in_russian():
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = russian, russian_plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class RussianFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' line breaks and adds «(по умолчанию: …)» to every option that has a default."""

    def __init__(self, prog: str, **kwargs):
        kwargs.setdefault("max_help_position", 30)
        super().__init__(prog, **kwargs)

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        shown = action.default not in (None, False, argparse.SUPPRESS) and action.option_strings
        return text + DEFAULT if shown and "%(default)" not in text and "по умолчанию" not in text else text


class RussianParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", RussianFormatter)
        with in_russian():
            super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        with in_russian():
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        with in_russian():
            return super().format_help()

    def format_usage(self) -> str:
        with in_russian():
            return super().format_usage()

    def error(self, message: str):
        """One line: what is wrong and where to read more."""
        with in_russian():
            self.exit(2, f"{self.prog}: ошибка: {message} (справка: {self.prog} -h)\n")


def print_error(text: str) -> int:
    print(text, file=sys.stderr)
    return 2


# ---------------------------------------------------------------- values checked as they are read


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(message("cli.not_positive", value=text).text)
    return value


def positive_seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(message("cli.not_positive_seconds", value=text).text)
    return value


def out_folder(text: str) -> Path:
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(message("cli.out_not_folder", path=path).text)
    return path


def day_value(text: str) -> date:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(message("cli.bad_date", value=text).text)
