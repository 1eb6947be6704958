"""The language of `bpa` and `bpa-receiver`: `--lang nb|en`, else `BPA_LANG`, else bokmål.

It is chosen before the parser is built, so the help texts, argparse's own words ("usage",
"options", its error messages) and the commands' messages are all in the one language.
"""

from __future__ import annotations

import argparse

from bpa_desktop import i18n

#: argparse's English words (its gettext message ids) -> catalogue keys
ARGPARSE_WORDS = {
    "usage: ": "cli.argparse.usage",
    "options": "cli.argparse.options",
    "positional arguments": "cli.argparse.positional",
    "show this help message and exit": "cli.argparse.help",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "the following arguments are required: %s": "cli.argparse.required",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "expected one argument": "cli.argparse.expected_one",
    "expected at least one argument": "cli.argparse.expected_at_least_one",
    "expected at most one argument": "cli.argparse.expected_at_most_one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "one of the arguments %s is required": "cli.argparse.one_of_required",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "can't open '%(filename)s': %(error)s": "cli.argparse.cannot_open",
    "ignored explicit argument %r": "cli.argparse.ignored_explicit",
}


def _argparse_word(message: str) -> str:
    key = ARGPARSE_WORDS.get(message)
    return i18n.text(key) if key else message


def choose(argv: list[str]) -> list[str]:
    """Set the language `--lang` (anywhere in argv, before or after the command) or BPA_LANG
    asks for; returns argv without the `--lang` option. An unknown language is left in argv
    for argparse to refuse."""
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg.startswith("--lang=") and arg[7:] in i18n.LANGUAGES:
            i18n.set_language(arg[7:])
        elif arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in i18n.LANGUAGES:
            i18n.set_language(argv[index + 1])
            index += 1
        else:
            rest.append(arg)
        index += 1
    argparse._ = _argparse_word  # argparse looks its words up through this module global
    return rest


def add_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=i18n.t("cli.lang"))
