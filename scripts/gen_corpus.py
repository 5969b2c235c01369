#!/usr/bin/env python3
"""Deterministic news-like corpus for benchmarks (no network, no dependencies).

    python3 scripts/gen_corpus.py OUT_DIR [--articles 10000] [--seed 1] [--words 400]

Writes OUT_DIR/NNNNN.md articles with front matter dates, names of people, places and
organisations, counts, ordinals, dates, relative time expressions, quotes and lists, plus a
sprinkling of the slips factlint looks for (misspelled names, doubled words, wrong weekdays), so
every check has work to do. Same arguments, same bytes.
"""
import argparse
import datetime
import os
import random

FIRST = ["Maria", "Carlos", "Ana", "Javier", "Priya", "Daniel", "Megan", "Rebecca", "Tomasz",
         "Annelies", "Hélène", "Giulia", "Declan", "Klaus", "Ioana", "Oscar", "Yuri", "Luis",
         "Fatima", "Ahmed", "Chen", "Aiko", "Kwame", "Amara", "Sergei", "Olga", "Pedro", "Lucía"]
LAST = ["Morales", "Zavaleta", "Mesa", "Ortiz", "Calderón", "Raghunathan", "Okafor", "Calloway",
        "Lindqvist", "Wierzbicki", "Verhoeven", "Castaing", "Ferrante", "Moriarty", "Oberländer",
        "Dumitrescu", "Feitosa", "Núñez", "Chaturvedi", "Kwasniewski", "Abellana", "Dizon"]
PLACES = ["La Paz", "Santa Cruz", "Cochabamba", "Buenos Aires", "Johannesburg", "Manila",
          "Kuala Lumpur", "Brussels", "Warsaw", "Vilnius", "Stuttgart", "Munich", "Seattle",
          "Nairobi", "Mumbai", "Kyiv", "Antofagasta", "Iloilo", "Porto Alegre", "Jaipur",
          "Saskatoon", "Kelowna", "Cairo", "Lima", "Bogotá", "Quito", "São Paulo"]
ORGS = ["Organization of American States", "European Commission", "Supreme Electoral Tribunal",
        "Commission on Elections", "World Health Organization", "Central Bank", "Red Cross"]
NOUNS = ["people", "workers", "officers", "families", "students", "votes", "homes", "cities",
         "soldiers", "patients", "flights", "schools", "farms", "companies"]
TITLES = ["President", "Minister", "Senator", "Governor", "Mayor", "spokesperson", "analyst"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMWORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens of"]
RELATIVE = ["last week", "two weeks ago", "earlier this month", "next month", "in recent days",
            "yesterday", "on Monday or Tuesday", "later this year", "the 20th of last month"]
ORDINALS = ["second", "third", "fourth", "fifth"]


def person(r):
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def sentence(r, date):
    kind = r.randrange(12)
    p, q = person(r), r.choice(PLACES)
    n = r.randrange(2, 90000)
    if kind == 0:
        return f"{r.choice(TITLES).capitalize()} {p} said {r.randrange(2, 400)} {r.choice(NOUNS)} had been affected in {q}."
    if kind == 1:
        d = date - datetime.timedelta(days=r.randrange(1, 60))
        wd = WEEKDAYS[d.weekday()] if r.random() > 0.02 else WEEKDAYS[(d.weekday() + 1) % 7]
        return f"The meeting in {q} took place on {wd}, {MONTHS[d.month - 1]} {d.day}, {d.year}."
    if kind == 2:
        return f"Some {n:,} {r.choice(NOUNS)} joined the protest {r.choice(RELATIVE)}, according to the {r.choice(ORGS)}."
    if kind == 3:
        items = r.sample(PLACES, 3)
        return f"Officials visited {r.choice(NUMWORDS[:3])} cities: {items[0]}, {items[1]} and {items[2]}."
    if kind == 4:
        return f"\"We will not accept this,\" {p} told reporters in {q} on {r.choice(WEEKDAYS)}."
    if kind == 5:
        return f"It was the {r.choice(ORDINALS)} time that the {r.choice(ORGS)} had intervened since {r.randrange(1990, date.year)}."
    if kind == 6:
        age = r.randrange(25, 80)
        return f"The {age}-year-old, born in {date.year - age - r.randrange(0, 2)}, has led the party for {r.randrange(2, 20)} years."
    if kind == 7:
        slip = " the" if r.random() < 0.03 else ""
        return f"Residents of {q} said the{slip} water supply had been cut for {r.choice(NUMWORDS)} days."
    if kind == 8:
        return f"Prices rose {r.randrange(1, 30)}.{r.randrange(0, 9)} per cent in {MONTHS[r.randrange(12)]}, the {r.choice(ORGS)} reported."
    if kind == 9:
        return f"More than {n:,} {r.choice(NOUNS)} were counted across {r.randrange(2, 30)} districts by the end of the day."
    if kind == 10:
        return f"{p}, who visited {q} and {r.choice(PLACES)} {r.choice(RELATIVE)}, declined to comment."
    return f"The {r.choice(ORGS)} is expected to publish its report on {r.choice(WEEKDAYS)}, a spokesperson for {p.split()[1]} said."


def article(r, words):
    date = datetime.date(2015, 1, 1) + datetime.timedelta(days=r.randrange(3650))
    title = f"{r.choice(PLACES)} braces for {r.choice(NUMWORDS)} more days of unrest"
    out = [f"---\ntitle: \"{title}\"\ndate: {date.isoformat()}\n---\n\n# {title}\n"]
    count = 0
    while count < words:
        para = " ".join(sentence(r, date) for _ in range(r.randrange(2, 5)))
        count += len(para.split())
        out.append(para + "\n")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--words", type=int, default=400, help="mean words per article")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    r = random.Random(a.seed)
    total = 0
    for i in range(a.articles):
        text = article(r, max(50, int(r.gauss(a.words, a.words / 4))))
        path = os.path.join(a.out, f"{i:05d}.md")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print(f"{a.articles} articles, {total / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
