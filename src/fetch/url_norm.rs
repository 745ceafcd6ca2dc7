//! Canonical story URLs: tracking parameters and fragments removed.
//!
//! Two feeds that carry the same story often link to it with different
//! campaign tags; the canonical form lets the store see that they are one.

/// Query parameters dropped as tracking noise. A name ending in `*` is a
/// prefix (`utm_*` covers `utm_source`, `utm_medium`, ...); others match
/// whole names, case-insensitively.
pub const TRACKING_PARAMS: &[&str] = &[
    "utm_*",       // Google Analytics campaign tags
    "fbclid",      // Facebook click id
    "gclid",       // Google Ads click id
    "dclid",       // Google Display click id
    "msclkid",     // Microsoft Ads click id
    "mc_cid",      // Mailchimp campaign id
    "mc_eid",      // Mailchimp subscriber id
    "ocid",        // Microsoft / MSN origin id
    "cmpid",       // campaign id used by many publishers
    "ref",         // referrer tag
    "ref_src",     // Twitter referrer source
    "ref_url",     // Twitter referrer URL
    "igshid",      // Instagram share id
    "_ga",         // Google Analytics linker
    "_hsenc",      // HubSpot
    "_hsmi",       // HubSpot
    "mkt_tok",     // Marketo
    "yclid",       // Yandex click id
    "smid",        // New York Times share id
    "at_medium",   // AT Internet
    "at_campaign", // AT Internet
];

/// Returns the canonical form of a story URL, or `None` when it is not http(s).
///
/// The scheme and host are lower-cased, a default port (80 for http, 443 for
/// https) and the fragment are dropped, and so are the parameters in
/// [`TRACKING_PARAMS`]; other parameters keep their order and spelling. An
/// empty query leaves no `?` behind.
pub fn canonical_url(url: &str) -> Option<String> {
    let mut parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return None;
    }
    // `Url` already lower-cases scheme and host and drops a default port.
    parsed.set_fragment(None);
    if let Some(query) = parsed.query() {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| !pair.is_empty() && !is_tracking(pair.split('=').next().unwrap_or("")))
            .collect();
        if kept.is_empty() {
            parsed.set_query(None);
        } else {
            let joined = kept.join("&");
            parsed.set_query(Some(&joined));
        }
    }
    Some(parsed.to_string())
}

/// Tells whether a (still percent-encoded) parameter name is a tracking one.
fn is_tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    TRACKING_PARAMS.iter().any(|p| match p.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => name == *p,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_scheme_and_host_and_drops_default_port_and_fragment() {
        assert_eq!(
            canonical_url("HTTPS://News.Example.COM:443/World/Story?id=7#comments").as_deref(),
            Some("https://news.example.com/World/Story?id=7")
        );
        assert_eq!(
            canonical_url("http://example.com:80/a").as_deref(),
            Some("http://example.com/a")
        );
        assert_eq!(
            canonical_url("http://example.com:8080/a").as_deref(),
            Some("http://example.com:8080/a")
        );
    }

    #[test]
    fn drops_tracking_parameters_and_keeps_the_rest_in_order() {
        assert_eq!(
            canonical_url(
                "https://example.com/s?b=2&utm_source=rss&a=1&UTM_Medium=x&fbclid=abc&ref=home&z="
            )
            .as_deref(),
            Some("https://example.com/s?b=2&a=1&z=")
        );
        assert_eq!(
            canonical_url("https://example.com/s?utm_campaign=x&gclid=1&mc_cid=2&mc_eid=3&ocid=4&cmpid=5&ref_src=6")
                .as_deref(),
            Some("https://example.com/s")
        );
        // A parameter that only starts like a tracking one stays.
        assert_eq!(
            canonical_url("https://example.com/s?reference=9&refresh=1").as_deref(),
            Some("https://example.com/s?reference=9&refresh=1")
        );
    }

    #[test]
    fn refuses_what_is_not_http() {
        assert_eq!(canonical_url("ftp://example.com/a"), None);
        assert_eq!(canonical_url("javascript:alert(1)"), None);
        assert_eq!(canonical_url("not a url"), None);
        assert_eq!(canonical_url("/relative/path"), None);
    }
}
