//! The words that close an organisation's name: fields of study, trades
//! and companies' legal forms.

use super::word_at;
use crate::analyze::tagger::Tok;

/// Words that close the name of an institute or a school and never start
/// a name of their own ("… of North Korean Studies", "… for International
/// Affairs"), where the tagger often stops one word short.
const TAILS: &[&str] = &[
    "Studies",
    "Affairs",
    "Relations",
    "Research",
    "Sciences",
    // Trades that end a company's name ("Hyundai Motor", "Maersk Logistics").
    "Motor",
    "Logistics",
    "Pharmaceuticals",
    "Electronics",
    "Semiconductor",
    "Chemicals",
    "Therapeutics",
    "Robotics",
];

/// Legal forms that end a company's name ("Leonardo SpA", "Equinor ASA"):
/// what precedes one is a firm, whatever the tagger read it as.
const LEGAL_FORMS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "LLC", "LLP", "PLC", "Plc", "plc", "AG", "SA", "S.A", "NV", "GmbH",
    "SpA", "ASA", "AB", "Oyj", "SE", "BV", "Srl", "JSC", "PJSC", "Bhd", "Berhad", "Tbk", "Pty",
    "Ltda", "KGaA", "Limited",
];

/// Whether a word closes an organisation's name: a trade, a field of
/// study or a legal form.
pub(crate) fn is_tail(text: &str, t: &Tok) -> bool {
    TAILS.contains(&word_at(text, t)) || is_legal_form(text, t)
}

/// Whether a word is a company's legal form, with or without its dot.
pub(crate) fn is_legal_form(text: &str, t: &Tok) -> bool {
    is_legal_form_word(word_at(text, t))
}

/// Whether a written word is a company's legal form ("Corp", "Inc.").
pub(crate) fn is_legal_form_word(w: &str) -> bool {
    LEGAL_FORMS.contains(&w.trim_end_matches('.'))
}
