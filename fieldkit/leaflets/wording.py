"""Every piece of fixed wording printed on a leaflet, marked for extraction.

Templates never print English literals: they look a phrase up here and
translate it with the leaflet's own translator (``fieldkit.i18n.translator``),
so a Hindi leaflet can be printed from an English UI.
"""

from __future__ import annotations

from fieldkit.i18n import N_

# --- shared -------------------------------------------------------------------
CALL_HOTLINE = N_("Call the hotline")
HOTLINE_NUMBER = N_("Hotline: %(phone)s")
HOTLINE_PROMISE = N_("Free, confidential, 24 hours a day")
IN_DANGER = N_("If you or someone you know is in danger, call now.")
SCAN_TO_CALL = N_("Scan to call")
SCAN_FOR_MORE = N_("Scan for more information")
YOU_ARE_NOT_ALONE = N_("You are not alone.")
HELP_IS_AVAILABLE = N_("Help is available")
SOURCE = N_("Source: %(source)s")
SOURCE_YEAR = N_("Source: %(source)s, %(year)s")
PRINTED_ON = N_("Printed by %(organization)s on %(date)s")
PAGE_OF = N_("Page %(page)s of %(pages)s")

# --- fact card ----------------------------------------------------------------
DID_YOU_KNOW = N_("Did you know?")
THE_FACTS = N_("The facts")

# --- tri-fold brochure ----------------------------------------------------------
KNOW_YOUR_RIGHTS = N_("Know your rights")
WHAT_IS_TRAFFICKING = N_("What is human trafficking?")
SIGNS_TO_LOOK_FOR = N_("Signs to look for")
WHERE_TO_GET_HELP = N_("Where to get help")
ABOUT_US = N_("About us")
RIGHT_TO_HELP = N_("You have the right to help, even without papers.")
RIGHT_TO_SAFETY = N_("You have the right to be safe and to keep your own documents.")
RIGHT_TO_PAY = N_("You have the right to be paid for your work and to leave a job.")
RIGHT_TO_LAWYER = N_("You have the right to a lawyer and an interpreter.")

# --- action-alert letter ----------------------------------------------------------
DEAR_NAME = N_("Dear %(name)s,")
SUBJECT = N_("Re: %(title)s")
WE_ASK_YOU = N_("We respectfully ask you to:")
PLEASE_REPLY = N_("We would welcome your reply and are ready to meet with your office.")
YOURS_SINCERELY = N_("Yours sincerely,")
ON_BEHALF_OF = N_("On behalf of %(organization)s")

# --- law summary sheet ------------------------------------------------------------
LAW_SUMMARY = N_("Law summary")
JURISDICTION = N_("Jurisdiction")
INTERNATIONAL = N_("International")
KIND = N_("Kind")
STATUS = N_("Status")
ADOPTED = N_("Adopted")
IN_FORCE_SINCE = N_("In force since")
SUMMARY = N_("Summary")
KEY_PROVISIONS = N_("Key provisions")
CITATION = N_("Citation")
LAST_REVIEWED = N_("Last reviewed: %(date)s")
NOT_LEGAL_ADVICE = N_("This summary is not legal advice.")

LAW_KINDS = {
    "treaty": N_("Treaty"),
    "statute": N_("Statute"),
    "bill": N_("Bill"),
    "resolution": N_("Resolution"),
    "policy": N_("Policy"),
}
LAW_STATUS = {
    "proposed": N_("Proposed"),
    "pending": N_("Pending"),
    "passed": N_("Passed"),
    "in_force": N_("In force"),
    "adopted": N_("Adopted"),
    "amended": N_("Amended"),
    "repealed": N_("Repealed"),
}

# --- template names (shown in the CLI and the app, in the UI language) --------------
TEMPLATE_NAMES = {
    "fact-card": N_("Fact card"),
    "wallet-cards": N_("Hotline wallet cards"),
    "trifold": N_("Tri-fold brochure"),
    "letter": N_("Action-alert letter"),
    "law-summary": N_("Law summary sheet"),
    "poster": N_("Poster"),
}
