"""resume_match: read resumes, tag ML skills, score them against ML job descriptions.

The public API is exactly ``__all__``; everything else is internal.

>>> import resume_match as rm
>>> resume = rm.parse_resume_text("Jane Doe\\n\\nEXPERIENCE\\n- Trained PyTorch models\\n")
>>> [s.kind for s in resume.sections]
['contact', 'experience']

Importing the package reads no file and builds no pipeline: the lexicon and the
spaCy matchers are built on first use.
"""

from resume_match.bullets import BULLET_RULES, check_bullets, review_bullets
from resume_match.errors import (
    CorruptPdfError,
    DataError,
    EncryptedPdfError,
    InputError,
    JobError,
    LexiconError,
    PdfError,
    PdfTimeoutError,
    PdfTooLargeError,
    Problem,
    ResumeMatchError,
    ScannedPdfError,
    UnknownJobError,
)
from resume_match.extract import SkillExtractor, extract_skills
from resume_match.jobs import list_jobs, load_job, parse_job
from resume_match.lexicon import load_lexicon
from resume_match.match import match, rank
from resume_match.models import (
    Bullet,
    BulletConfig,
    BulletFinding,
    BulletReview,
    ExtractConfig,
    JobProfile,
    Lexicon,
    MatchConfig,
    MatchReport,
    ParseConfig,
    ParseWarning,
    RankEntry,
    Requirement,
    RequirementResult,
    Resume,
    Section,
    Skill,
    SkillMention,
)
from resume_match.parse import parse_resume, parse_resume_text
from resume_match.report import render_match_html, render_rank_html

__version__ = "0.1.0"

__all__ = [
    "BULLET_RULES",
    "Bullet",
    "BulletConfig",
    "BulletFinding",
    "BulletReview",
    "CorruptPdfError",
    "DataError",
    "EncryptedPdfError",
    "ExtractConfig",
    "InputError",
    "JobError",
    "JobProfile",
    "Lexicon",
    "LexiconError",
    "MatchConfig",
    "MatchReport",
    "ParseConfig",
    "ParseWarning",
    "PdfError",
    "PdfTimeoutError",
    "PdfTooLargeError",
    "Problem",
    "RankEntry",
    "Requirement",
    "RequirementResult",
    "Resume",
    "ResumeMatchError",
    "ScannedPdfError",
    "Section",
    "Skill",
    "SkillExtractor",
    "SkillMention",
    "UnknownJobError",
    "__version__",
    "check_bullets",
    "extract_skills",
    "list_jobs",
    "load_job",
    "load_lexicon",
    "match",
    "parse_job",
    "parse_resume",
    "parse_resume_text",
    "rank",
    "render_match_html",
    "render_rank_html",
    "review_bullets",
]
