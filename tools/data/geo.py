"""Hand-keyed geographic facts for build_tables.py: continents, sub-national names,
and cloud region -> zone maps (facts from provider documentation, cited in SOURCES)."""

# ISO 3166-1 alpha-2 -> continent code (AF, AS, EU, NA, OC, SA, AN). Transcontinental
# countries follow common usage (TR, GE, AM, AZ, CY in AS except CY -> EU as an EU member; RU -> EU).
_CONT = {
    "AF": "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG "
          "MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW",
    "AS": "AF AM AZ BH BD BT BN KH CN GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP "
          "OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE",
    "EU": "AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR HU IS IE IT LV LI LT LU MT MD MC ME "
          "NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA GG JE IM",
    "NA": "AG AI AW BS BB BZ BM CA KY CR CU DM DO SV GL GD GP GT HT HN JM MQ MX MS NI PA PR KN LC PM "
          "VC TT TC US VG VI CW SX BQ",
    "SA": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "OC": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU PW PG WS SB TO TV VU MP",
    "AN": "AQ",
}
CONTINENT = {c: k for k, v in _CONT.items() for c in v.split()}

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana",
    "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri",
    "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
    "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
CA_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}
AU_STATES = {
    "ACT": "Australian Capital Territory", "NSW": "New South Wales", "NT": "Northern Territory",
    "QLD": "Queensland", "SA": "South Australia", "TAS": "Tasmania", "VIC": "Victoria",
    "WA": "Western Australia",
}
# Extra natural-language aliases for sub-national zones.
SUB_ALIASES = {
    "US-DC": ["Washington DC", "Washington, D.C."], "CA-QC": ["Québec"],
    "CA-YT": ["Yukon Territory"], "CA-NL": ["Newfoundland"], "US-VA": ["Northern Virginia"],
}
# Non-ISO location codes used by Green Algorithms -> ISO 3166-2 (None = dropped, see FIXES.md).
GA_CODE_FIX = {"CA-MT": "CA-MB", "AU-WA2": "AU-WA", "AU-WA1": None, "AU-NT2": None,
               "CN-HK": None, "CN-HK2": None, "TW": None, "WORLD": None}

NORDIC_ZONES = {
    "SE-SE1": ("SE", "Sweden bidding zone SE1 (Luleå)", ["SE1"]),
    "SE-SE2": ("SE", "Sweden bidding zone SE2 (Sundsvall)", ["SE2"]),
    "SE-SE3": ("SE", "Sweden bidding zone SE3 (Stockholm)", ["SE3"]),
    "SE-SE4": ("SE", "Sweden bidding zone SE4 (Malmö)", ["SE4"]),
    "NO-NO1": ("NO", "Norway bidding zone NO1 (Oslo)", ["NO1"]),
    "NO-NO2": ("NO", "Norway bidding zone NO2 (Kristiansand)", ["NO2"]),
    "NO-NO3": ("NO", "Norway bidding zone NO3 (Trondheim)", ["NO3"]),
    "NO-NO4": ("NO", "Norway bidding zone NO4 (Tromsø)", ["NO4"]),
    "NO-NO5": ("NO", "Norway bidding zone NO5 (Bergen)", ["NO5"]),
}

# GCP region -> (location, zone). Locations from Google's files and CodeCarbon impact.csv.
GCP = {
    "africa-south1": ("Johannesburg", "ZA"), "asia-east1": ("Changhua County, Taiwan", "TW"),
    "asia-east2": ("Hong Kong", "HK"), "asia-northeast1": ("Tokyo", "JP"),
    "asia-northeast2": ("Osaka", "JP"), "asia-northeast3": ("Seoul", "KR"),
    "asia-south1": ("Mumbai", "IN"), "asia-south2": ("Delhi", "IN"),
    "asia-southeast1": ("Jurong West, Singapore", "SG"), "asia-southeast2": ("Jakarta", "ID"),
    "australia-southeast1": ("Sydney", "AU-NSW"), "australia-southeast2": ("Melbourne", "AU-VIC"),
    "europe-central2": ("Warsaw", "PL"), "europe-north1": ("Hamina, Finland", "FI"),
    "europe-north2": ("Stockholm", "SE"), "europe-southwest1": ("Madrid", "ES"),
    "europe-west1": ("St. Ghislain, Belgium", "BE"), "europe-west2": ("London", "GB"),
    "europe-west3": ("Frankfurt", "DE"), "europe-west4": ("Eemshaven, Netherlands", "NL"),
    "europe-west6": ("Zurich", "CH"), "europe-west8": ("Milan", "IT"), "europe-west9": ("Paris", "FR"),
    "europe-west10": ("Berlin", "DE"), "europe-west12": ("Turin", "IT"), "me-central1": ("Doha", "QA"),
    "me-central2": ("Dammam", "SA"), "me-west1": ("Tel Aviv", "IL"),
    "northamerica-northeast1": ("Montréal", "CA-QC"), "northamerica-northeast2": ("Toronto", "CA-ON"),
    "northamerica-south1": ("Querétaro, Mexico", "MX"), "southamerica-east1": ("São Paulo", "BR"),
    "southamerica-west1": ("Santiago", "CL"), "us-central1": ("Council Bluffs, Iowa", "US-IA"),
    "us-central2": ("Oklahoma", "US-OK"), "us-east1": ("Moncks Corner, South Carolina", "US-SC"),
    "us-east2": ("Georgia", "US-GA"), "us-east4": ("Ashburn, Northern Virginia", "US-VA"),
    "us-east5": ("Columbus, Ohio", "US-OH"), "us-south1": ("Dallas, Texas", "US-TX"),
    "us-west1": ("The Dalles, Oregon", "US-OR"), "us-west2": ("Los Angeles, California", "US-CA"),
    "us-west3": ("Salt Lake City, Utah", "US-UT"), "us-west4": ("Las Vegas, Nevada", "US-NV"),
}

# AWS region -> (name, location, zone)
AWS = {
    "us-east-1": ("US East (N. Virginia)", "Northern Virginia", "US-VA"),
    "us-east-2": ("US East (Ohio)", "Ohio", "US-OH"),
    "us-west-1": ("US West (N. California)", "Northern California", "US-CA"),
    "us-west-2": ("US West (Oregon)", "Oregon", "US-OR"),
    "us-gov-east-1": ("AWS GovCloud (US-East)", "Ohio", "US-OH"),
    "us-gov-west-1": ("AWS GovCloud (US-West)", "Oregon", "US-OR"),
    "af-south-1": ("Africa (Cape Town)", "Cape Town", "ZA"),
    "ap-east-1": ("Asia Pacific (Hong Kong)", "Hong Kong", "HK"),
    "ap-south-1": ("Asia Pacific (Mumbai)", "Mumbai", "IN"),
    "ap-south-2": ("Asia Pacific (Hyderabad)", "Hyderabad", "IN"),
    "ap-northeast-1": ("Asia Pacific (Tokyo)", "Tokyo", "JP"),
    "ap-northeast-2": ("Asia Pacific (Seoul)", "Seoul", "KR"),
    "ap-northeast-3": ("Asia Pacific (Osaka)", "Osaka", "JP"),
    "ap-southeast-1": ("Asia Pacific (Singapore)", "Singapore", "SG"),
    "ap-southeast-2": ("Asia Pacific (Sydney)", "Sydney", "AU-NSW"),
    "ap-southeast-3": ("Asia Pacific (Jakarta)", "Jakarta", "ID"),
    "ap-southeast-4": ("Asia Pacific (Melbourne)", "Melbourne", "AU-VIC"),
    "ca-central-1": ("Canada (Central)", "Montréal", "CA-QC"),
    "ca-west-1": ("Canada West (Calgary)", "Calgary", "CA-AB"),
    "cn-north-1": ("China (Beijing)", "Beijing", "CN"),
    "cn-northwest-1": ("China (Ningxia)", "Ningxia", "CN"),
    "eu-central-1": ("Europe (Frankfurt)", "Frankfurt", "DE"),
    "eu-central-2": ("Europe (Zurich)", "Zurich", "CH"),
    "eu-west-1": ("Europe (Ireland)", "Dublin", "IE"),
    "eu-west-2": ("Europe (London)", "London", "GB"),
    "eu-west-3": ("Europe (Paris)", "Paris", "FR"),
    "eu-south-1": ("Europe (Milan)", "Milan", "IT"),
    "eu-south-2": ("Europe (Spain)", "Aragón", "ES"),
    "eu-north-1": ("Europe (Stockholm)", "Stockholm", "SE"),
    "il-central-1": ("Israel (Tel Aviv)", "Tel Aviv", "IL"),
    "me-south-1": ("Middle East (Bahrain)", "Bahrain", "BH"),
    "me-central-1": ("Middle East (UAE)", "United Arab Emirates", "AE"),
    "sa-east-1": ("South America (São Paulo)", "São Paulo", "BR"),
}

# Azure regions in CCF's list but not in Green Algorithms' table: id -> (name, location, zone)
AZURE_EXTRA = {
    "swedencentral": ("Sweden Central", "Gävle", "SE"),
    "jioindiacentral": ("Jio India Central", "Nagpur", "IN"),
    "jioindiawest": ("Jio India West", "Jamnagar", "IN"),
    "brazilsoutheast": ("Brazil Southeast", "Rio de Janeiro", "BR"),
}
# Fixes to Green Algorithms' Azure rows: display name -> (corrected name, zone or None to keep)
AZURE_FIX = {
    "Germany Northeastt (Sovereign)": ("Germany Northeast (Sovereign)", None),
    "Qatar Central": ("Qatar Central", "QA"),
}

OVH = {  # region -> (name, location, zone)
    "eu-west-gra": ("Gravelines (GRA)", "Gravelines", "FR"),
    "eu-west-rbx": ("Roubaix (RBX)", "Roubaix", "FR"),
    "eu-west-sbg": ("Strasbourg (SBG)", "Strasbourg", "FR"),
    "eu-west-par": ("Paris (PAR)", "Paris", "FR"),
    "eu-west-lim": ("Limburg (LIM)", "Limburg an der Lahn", "DE"),
    "eu-west-eri": ("London (ERI)", "Erith", "GB"),
    "eu-central-waw": ("Warsaw (WAW)", "Ożarów Mazowiecki", "PL"),
    "ca-east-bhs": ("Beauharnois (BHS)", "Beauharnois, Quebec", "CA-QC"),
    "ca-east-tor": ("Toronto (TOR)", "Toronto", "CA-ON"),
    "us-east-vin": ("Vint Hill (VIN)", "Vint Hill, Virginia", "US-VA"),
    "us-west-hil": ("Hillsboro (HIL)", "Hillsboro, Oregon", "US-OR"),
    "ap-southeast-sgp": ("Singapore (SGP)", "Singapore", "SG"),
    "ap-southeast-syd": ("Sydney (SYD)", "Sydney", "AU-NSW"),
    "ap-south-mum": ("Mumbai (MUM)", "Mumbai", "IN"),
}
SCALEWAY = {
    "fr-par": ("Paris", "Paris", "FR"),
    "nl-ams": ("Amsterdam", "Amsterdam", "NL"),
    "pl-waw": ("Warsaw", "Warsaw", "PL"),
}
# Alibaba: CCF enum key -> (region id, name, location). All in mainland China (zone CN).
ALIBABA = {
    "CN_HANGZHOU": ("cn-hangzhou", "China (Hangzhou)", "Hangzhou"),
    "CN_SHANGHAI": ("cn-shanghai", "China (Shanghai)", "Shanghai"),
    "CN_NANJING": ("cn-nanjing", "China (Nanjing - Local Region)", "Nanjing"),
    "CN_SHENZHEN": ("cn-shenzhen", "China (Shenzhen)", "Shenzhen"),
    "CN_HEYUAN": ("cn-heyuan", "China (Heyuan)", "Heyuan"),
    "CN_GUANGZHOU": ("cn-guangzhou", "China (Guangzhou)", "Guangzhou"),
    "CN_QINGDAP": ("cn-qingdao", "China (Qingdao)", "Qingdao"),
    "CN_BEIJING": ("cn-beijing", "China (Beijing)", "Beijing"),
    "CN_ZHANGJIAKOU": ("cn-zhangjiakou", "China (Zhangjiakou)", "Zhangjiakou"),
    "CN_HUHEHAOTE": ("cn-huhehaote", "China (Hohhot)", "Hohhot"),
    "CN_WULANCHABU": ("cn-wulanchabu", "China (Ulanqab)", "Ulanqab"),
    "CN_CHENGDU": ("cn-chengdu", "China (Chengdu)", "Chengdu"),
}
