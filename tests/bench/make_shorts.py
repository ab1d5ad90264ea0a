#!/usr/bin/python3
"""make_shorts.py DIR N [WORDS] - writes N short news articles (about WORDS
words each, default 160: a minute of speech) into DIR as short-NNNN.txt.

The text is our own: sentences assembled from the phrase lists below with a
fixed pseudo-random sequence, so every run writes the same files, no two
articles are alike and no sentence pattern repeats inside one (a reader would drop a
repeated line as boilerplate).  Each article has a headline, a byline, a
date and four or five paragraphs, like the pages a nightly batch narrates."""
import os
import random
import sys

PLACES = ["Northfield", "Lower Marsh", "Easton Quay", "Brackley Vale", "Sutton Ridge",
          "Halford", "West Carrow", "Pinewood Heath", "Oldbridge", "Kingsmere",
          "Ashby Cross", "Fenwick", "Marlow End", "Stonehaven Park", "Riverside"]
SUBJECTS = ["the town council", "the library trust", "the rail operator",
            "the water board", "a group of residents", "the local college",
            "the harbour authority", "the county planners", "the hospital board",
            "the cycling club", "the chamber of commerce", "the school governors"]
VERBS = ["approved", "delayed", "questioned", "welcomed", "rejected", "revised",
         "funded", "announced", "reviewed", "opposed", "extended", "published"]
OBJECTS = ["a plan to rebuild the old footbridge", "new opening hours for the museum",
           "a survey of flood defences along the river", "a second bus route to the station",
           "repairs to the clock tower", "a budget for street lighting",
           "a trial of evening parking charges", "a community garden on the empty lot",
           "a report on air quality near the school", "the sale of the former depot",
           "a summer festival in the market square", "a study of cycle lanes"]
DETAILS = ["The cost is put at {n} thousand pounds, to be spread over {y} years.",
           "About {n} people attended the meeting on {d}, more than usual.",
           "Work is expected to start in {m} and to take {y} months.",
           "A petition with {n} signatures was handed in last week.",
           "The last review, {y} years ago, found the same problems.",
           "Officers said {p} per cent of those asked were in favour.",
           "The decision will be looked at again on {d}.",
           "Local shops reported {p} per cent fewer visitors during the works.",
           "The scheme was first proposed in {m}, and has changed twice since then.",
           "A spokesperson said the figures would be checked by an independent panel.",
           "Opponents argue that the money would be better spent on {alt}.",
           "Supporters point to a similar project in {other}, which opened last year.",
           "Around {n} homes and {p} businesses are thought to be affected.",
           "The nearest alternative is {y} miles away, along a busy road."]
QUOTES = ["\"We have listened carefully and we think this is the right balance,\" said {who}.",
          "\"People here have waited long enough,\" said {who}, who has lived in {place} for {y} years.",
          "\"It is not perfect, but it is a start,\" said {who}.",
          "\"We will keep asking questions until we get answers,\" said {who}.",
          "\"The numbers simply do not add up,\" said {who}."]
NAMES = ["Mary Holt", "James Okafor", "Priya Desai", "Tom Brennan", "Ellen Marsh",
         "Samuel Reyes", "Grace Whitfield", "Daniel Novak", "Ruth Adeyemi", "Owen Clarke"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
CLOSERS = ["A public consultation runs until the end of {m}.",
           "Residents can read the full report at the town hall.",
           "The council will publish its response within {y} weeks.",
           "Further details are expected at the next meeting in {m}.",
           "Both sides have agreed to meet again before the summer."]


ALTS = ["road repairs", "the youth centre", "bus services", "the swimming pool",
        "care for older residents", "the food bank"]


def fill(s, r, place):
    return s.format(alt=r.choice(ALTS), other=r.choice([p for p in PLACES if p != place]),
                    n=r.randint(12, 950), y=r.randint(2, 9), p=r.randint(11, 89),
                    m=r.choice(MONTHS), d="%d %s" % (r.randint(1, 28), r.choice(MONTHS)),
                    who=r.choice(NAMES), place=place)


def article(i, words):
    r = random.Random(1000 + i)
    place = PLACES[i % len(PLACES)]
    subj, verb, obj = r.choice(SUBJECTS), r.choice(VERBS), r.choice(OBJECTS)
    title = "%s: %s %s %s" % (place, subj.capitalize(), verb, obj)
    lines = [title, "", "By " + r.choice(NAMES), "",
             "Published 2026-%02d-%02d" % (1 + i % 12, 1 + i % 28), ""]
    lead = "In %s, %s has %s %s, after months of debate." % (place, subj, verb, obj)
    paras, used, count = [[lead]], set(), len(lead.split())
    while count < words:
        if len(paras[-1]) >= 3:
            paras.append([])
        tpl = r.choice(DETAILS + QUOTES)
        if tpl in used:
            continue
        used.add(tpl)
        s = fill(tpl, r, place)
        paras[-1].append(s)
        count += len(s.split())
    paras.append([fill(r.choice(CLOSERS), r, place)])
    for p in paras:
        lines += [" ".join(p), ""]
    return "\n".join(lines)


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    words = int(sys.argv[3]) if len(sys.argv) > 3 else 160
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, "short-%04d.txt" % (i + 1)), "w", encoding="utf-8") as f:
            f.write(article(i, words))


main()
