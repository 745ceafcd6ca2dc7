//! Hand-written word lists: words that look like places but rarely are in
//! news copy, and the context words that tell a place from a person or an
//! organisation. All lists are lower-case and comma-separated.

/// Place names from the tables that are far more often ordinary English
/// words, team or person names, or parts of other names.
pub(super) const NOT_PLACES: &str = "\
    a, about, ace, after, ajax, all, alley, also, an, and, any, apex, are, art, as, at, \
    aurora, avenue, bad, bank, bar, bat, bath, bay, be, beach, bear, bell, best, big, \
    bill, black, bloom, blue, bold, bond, born, boss, bridge, brook, but, by, cabinet, \
    camp, can, canal, cape, capital, center, central, centre, chance, church, city, \
    clay, club, coast, college, commerce, concord, cork, corona, council, county, \
    court, cross, crown, cup, date, day, deal, delta, do, down, due, each, east, \
    eastern, empire, end, energy, enterprise, even, fair, faith, fall, fame, field, \
    first, for, forest, fort, fortune, free, from, gap, garden, gate, gold, golden, \
    good, google, grace, grand, green, gulf, had, hall, hamas, hang, harbor, harbour, \
    has, have, he, heart, her, high, hill, his, home, honda, hope, house, how, hull, \
    if, in, independence, interior, is, island, islands, it, its, joy, just, key, king, \
    kingdom, lake, land, last, liberty, lincoln, little, long, lord, lost, love, made, \
    main, man, many, march, mark, market, may, media, mercy, middle, mobile, moon, \
    more, most, mount, must, national, navy, new, news, nice, no, noble, nokia, north, \
    northern, not, now, oak, of, office, oil, old, on, one, open, or, orange, our, \
    over, palm, park, pass, peace, phoenix, plain, plains, play, police, pool, port, \
    post, power, president, prime, prince, progress, providence, queen, rain, reading, \
    red, republic, rich, ridge, river, rock, rose, round, royal, rugby, sale, salt, \
    same, say, sea, she, side, silver, so, some, south, southern, split, spring, \
    springs, square, star, state, states, still, stone, street, summit, sun, sunday, \
    superior, tai, that, the, their, them, then, there, these, they, this, time, to, \
    top, tower, town, toyota, trade, troy, union, unity, university, up, valley, via, \
    victory, view, village, vista, wall, war, was, we, well, west, western, white, \
    white house, will, win, wing, with, won, world, xinhua, york, you, young, zion";

/// Words before "of" that make "X of <place>" an organisation name.
pub(super) const ORG_HEADS: &str = "\
    bank, university, church, college, institute, council, federation, association, \
    school, museum, archbishop, bishop, duke, duchess, prince, princess, earl, court, \
    chamber, league, club, academy, union, party, front, movement, army, organisation, \
    organization";

/// Words after a place that make it part of an organisation or team name.
pub(super) const ORG_TAILS: &str = "\
    airlines, airways, air, telecom, telecommunications, daily, times, post, herald, \
    tribune, journal, gazette, bank, securities, motors, steel, electric, power, \
    railways, railway, television, tv, radio, broadcasting, group, holdings, corp, \
    corporation, inc, ltd, co, company, exchange, university, college, united, city, \
    rovers, wanderers, athletic, club, fc, county, town, albion, stars, rangers, \
    senators, oilers, flames, mets, yankees, giants, dodgers, cubs, reds, pirates, \
    padres, braves, mariners, orioles, tigers, royals, twins, athletics, rockies, \
    marlins, expos, astros, brewers, angels, cardinals, phillies, red, white, blue, jays, \
    sox, indians, lions, bears, packers, vikings, jets, dolphins, patriots, bills, \
    chiefs, raiders, broncos, chargers, seahawks, knicks, lakers, celtics, bulls, kings, \
    suns, heat, magic, nets, hawks, grand, international, democratic, party, workers, \
    front, movement, stock, futures, commodity, mercantile, police, symphony";

/// Verbs and words after a capital that show it stands for the state
/// ("Pyongyang said", "Moscow has warned").
pub(super) const STATE_VERBS: &str = "\
    said, says, say, has, have, had, is, was, will, would, wants, wanted, warned, warns, \
    accused, accuses, denied, denies, rejected, rejects, urged, urges, insists, insisted, \
    demanded, demands, called, calls, agreed, agrees, announced, announces, refused, \
    refuses, hopes, hoped, believes, believed, responded, responds, threatened, \
    threatens, condemned, condemns, welcomed, welcomes, sees, saw, considers, recognised, \
    recognized, may, might, could, should, must, also, does, did, plans, planned, \
    expects, expected, sent, sends, imposed, backed, supports, supported, opposes, \
    opposed, and";

/// Words before a place that mark a location ("in Austin", "near Split").
pub(super) const LOCATIVES: &str = "\
    in, at, from, near, to, outside, into, across, around, via, towards, toward, visit, \
    visited, visiting, of";

/// Lower-case words allowed inside a capitalised multi-word name.
pub(super) const NAME_PARTICLES: &str = "\
    of, the, and, de, del, da, do, dos, das, la, le, les, du, des, el, al, d'ivoire, \
    upon, on, en, sur, am, im, an, der, di, y";

/// Names added by hand: (name, code, how). How is `c` for another name of
/// the country, `d` for a demonym, `s` for a seat of government that always
/// stands for the state, `k` for a capital, `a` for an AP-style US state
/// abbreviation (kept as a place in the US).
pub(super) const EXTRA: &[(&str, &str, char)] = &[
    ("U.S.", "US", 'c'),
    ("US", "US", 'c'),
    ("U.S.A.", "US", 'c'),
    ("America", "US", 'c'),
    ("United States", "US", 'c'),
    ("UK", "GB", 'c'),
    ("U.K.", "GB", 'c'),
    ("Britain", "GB", 'c'),
    ("Great Britain", "GB", 'c'),
    ("Turkey", "TR", 'c'),
    ("Czech Republic", "CZ", 'c'),
    ("Holland", "NL", 'c'),
    ("Neths", "NL", 'c'),
    ("UAE", "AE", 'c'),
    ("S. Korea", "KR", 'c'),
    ("N. Korea", "KP", 'c'),
    ("NZ", "NZ", 'c'),
    ("S. Korean", "KR", 'd'),
    ("N. Korean", "KP", 'd'),
    ("Pole", "PL", 'd'),
    ("Briton", "GB", 'd'),
    ("Brit", "GB", 'd'),
    ("English", "GB", 'd'),
    ("Englishman", "GB", 'd'),
    ("Scottish", "GB", 'd'),
    ("Welsh", "GB", 'd'),
    ("Serb", "RS", 'd'),
    ("Croat", "HR", 'd'),
    ("Saudi", "SA", 'd'),
    ("Swede", "SE", 'd'),
    ("Spaniard", "ES", 'd'),
    ("Frenchman", "FR", 'd'),
    ("Dutchman", "NL", 'd'),
    ("Nepali", "NP", 'd'),
    ("Dane", "DK", 'd'),
    ("Finn", "FI", 'd'),
    ("Turk", "TR", 'd'),
    ("Bosnian", "BA", 'd'),
    ("Filipino", "PH", 'd'),
    ("Kremlin", "RU", 's'),
    ("White House", "US", 's'),
    ("Downing Street", "GB", 's'),
    ("Elysee Palace", "FR", 's'),
    ("Washington", "US", 'k'),
    ("Calif.", "US", 'a'),
    ("Fla.", "US", 'a'),
    ("Mass.", "US", 'a'),
    ("Mich.", "US", 'a'),
    ("Minn.", "US", 'a'),
    ("Tenn.", "US", 'a'),
    ("Conn.", "US", 'a'),
    ("Ariz.", "US", 'a'),
    ("Colo.", "US", 'a'),
    ("Okla.", "US", 'a'),
    ("Ill.", "US", 'a'),
    ("N.J.", "US", 'a'),
    ("N.Y.", "US", 'a'),
    ("Pa.", "US", 'a'),
    ("Va.", "US", 'a'),
];

/// The full names of the US states that EXTRA lists in wire style (`'a'`),
/// which name their place entity ("Fresno, Calif." names California).
pub(super) const STATE_NAMES: &[(&str, &str)] = &[
    ("Calif.", "California"),
    ("Fla.", "Florida"),
    ("Mass.", "Massachusetts"),
    ("Mich.", "Michigan"),
    ("Minn.", "Minnesota"),
    ("Tenn.", "Tennessee"),
    ("Conn.", "Connecticut"),
    ("Ariz.", "Arizona"),
    ("Colo.", "Colorado"),
    ("Okla.", "Oklahoma"),
    ("Ill.", "Illinois"),
    ("N.J.", "New Jersey"),
    ("N.Y.", "New York"),
    ("Pa.", "Pennsylvania"),
    ("Va.", "Virginia"),
];

/// Capitalised words before a name that do not make it a person's name.
pub(super) const NOT_FIRST_NAMES: &str = "\
    monday, tuesday, wednesday, thursday, friday, saturday, sunday, january, february, \
    march, april, may, june, july, august, september, october, november, december, in, \
    at, from, to, and, but, for, with, by, on, of, visit, visiting, north, south, east, \
    west, central, northern, southern, eastern, western, greater, upper, lower, the, \
    president, minister, secretary, envoy, ambassador, embassy";

/// Bodies that sit in a capital ("the junta in Niamey", "the royal palace
/// in Rabat"), unlike the officials or the government that stand for it.
pub(super) const BODIES: [&str; 14] = [
    "junta",
    "palace",
    "ministry",
    "commission",
    "embassy",
    "consulate",
    "court",
    "council",
    "parliament",
    "chancellery",
    "headquarters",
    "office",
    "mission",
    "tribunal",
];

/// Words of a US state's government that follow the state's name and
/// that no country's government has ("Georgia Governor", "Georgia Gov.",
/// "Georgia Sen."); keys are lower case without their dot.
pub(super) const STATE_OFFICES: [&str; 6] =
    ["governor", "gov", "lt", "statehouse", "senator", "sen"];
