"""Synthetic, realistic volumes for benchmarks: contacts and materials, deterministic."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

FIRST = [
    "Asha",
    "Ravi",
    "Fatima",
    "Omar",
    "María",
    "José",
    "Amina",
    "Juma",
    "Olga",
    "Ivan",
    "Priya",
    "Arjun",
    "Leila",
    "Youssef",
    "Ana",
    "Luis",
    "Grace",
    "Peter",
    "Nadia",
    "Sergei",
    "आशा",
    "रवि",
    "فاطمة",
    "عمر",
    "Zoë",
    "François",
    "Chiara",
    "Kwame",
    "Mei",
    "Tomás",
]
LAST = [
    "Rao",
    "Sharma",
    "Haddad",
    "Mansour",
    "García",
    "Pérez",
    "Otieno",
    "Wanjiru",
    "Ivanova",
    "Petrov",
    "Singh",
    "Khan",
    "Silva",
    "Santos",
    "Mwangi",
    "Kamau",
    "Dubois",
    "Moreau",
    "शर्मा",
    "سليم",
    "Nguyen",
    "Okafor",
    "Mensah",
    "Kowalski",
    "Horvat",
    "Novak",
]
ORGS = [
    "Ministry of Women and Child Development",
    "District Police",
    "Labour Department",
    "Shelter Home",
    "Legal Aid Society",
    "Child Welfare Committee",
    "Border Police",
    "Human Rights Commission",
    "Migrant Workers Union",
    "Daily Herald",
    "Free Futures NGO",
]
TITLES = ["Director", "Inspector", "Deputy Secretary", "Caseworker", "Lawyer", "Reporter", "MP"]
COUNTRIES = ["IN", "NP", "BD", "KE", "TZ", "NG", "MX", "GT", "BR", "US", "FR", "RU", "EG", "MA"]
KINDS = ["official", "ngo", "hotline", "shelter", "lawyer", "journalist", "other"]
TAGS = ["police", "labour", "shelter", "legal", "media", "border", "child", "health"]
WORDS = [
    "trafficking",
    "forced",
    "labour",
    "exploitation",
    "victims",
    "survivors",
    "shelter",
    "hotline",
    "police",
    "recruitment",
    "debt",
    "bondage",
    "migration",
    "border",
    "children",
    "women",
    "rights",
    "law",
    "court",
    "protection",
    "report",
    "evidence",
    "support",
    "rescue",
    "rehabilitation",
    "compensation",
    "prosecution",
    "awareness",
]


def contacts(n: int, seed: int = 1) -> Iterator[dict]:
    """``n`` contact dicts as a form would give them (all fields valid)."""
    rnd = random.Random(seed)
    for i in range(n):
        country = rnd.choice(COUNTRIES)
        yield {
            "name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {i}",
            "kind": rnd.choice(KINDS),
            "title": rnd.choice(TITLES),
            "organization": rnd.choice(ORGS),
            "phone": f"+1 202 555 {i % 10000:04d}",
            "email": f"person{i}@example.org",
            "city": f"City {i % 500}",
            "country": country,
            "tags": rnd.sample(TAGS, rnd.randint(0, 2)),
            "notes": " ".join(rnd.choices(WORDS, k=12)),
        }


def materials(n: int, seed: int = 2) -> Iterator[dict]:
    rnd = random.Random(seed)
    for i in range(n):
        yield {
            "kind": rnd.choice(["fact_card", "story", "campaign_text", "guide"]),
            "lang": rnd.choice(["en", "es", "fr", "ar", "hi"]),
            "title": " ".join(rnd.choices(WORDS, k=5)).capitalize() + f" {i}",
            "body": " ".join(rnd.choices(WORDS, k=120)),
            "source": rnd.choice(["ILO", "UNODC", "IOM", "Walk Free", "Polaris"]),
            "year": rnd.randint(2000, 2024),
            "tags": rnd.sample(TAGS, 2),
        }


def build_profile(path: Path, n_contacts: int, n_materials: int = 0):
    """A profile with that many contacts and materials, built through the store API."""
    from fieldkit.profile import Profile

    profile = Profile.create(path, organization="Bench", device_name="bench")
    profile.contacts.add_many(contacts(n_contacts))
    if n_materials:
        profile.materials.add_many(materials(n_materials))
    return profile


def cached_profile(n_contacts: int, n_materials: int = 0) -> Path:
    """Build once per schema version, reuse across runs: bench/.cache/profile-<n>-<m>-s<v>."""
    from fieldkit.data.schema import schema_version

    name = f"profile-{n_contacts}-{n_materials}-s{schema_version()}"
    folder = Path(__file__).parent / ".cache" / name
    if not (folder / "fieldkit.db").exists():
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        build_profile(folder, n_contacts, n_materials).close()
    return folder
