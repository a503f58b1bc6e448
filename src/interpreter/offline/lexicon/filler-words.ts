/**
 * Words that carry no condition: who the audience is ("customers", "people"), the request
 * itself ("I want to find"), grammar ("the", "have") and what it is for ("for a campaign").
 * They are not reported as not understood.
 */
export const FILLER_WORDS = new Set([
  // everyone in the workspace
  'customer', 'customers', 'user', 'users', 'people', 'person', 'persons', 'profile', 'profiles', 'contact', 'contacts',
  'shopper', 'shoppers', 'member', 'members', 'client', 'clients', 'audience', 'audiences', 'segment', 'cohort', 'group',
  'everyone', 'everybody', 'anyone', 'anybody', 'someone', 'somebody', 'folks', 'individuals', 'subscribers', 'base',
  // who is meant, in a business that sells to businesses ("accounts with at least 50 seats")
  'accounts', 'companies', 'organisations', 'organizations', 'orgs', 'teams', 'households', 'travellers', 'travelers', 'guests',
  'patients', 'students', 'learners',
  // everyone visiting (a live request)
  'visitor', 'visitors', 'traffic',
  // the request
  'i', 'we', 'me', 'us', 'you', 'my', 'our', 'your', 'want', 'wants', 'need', 'needs', 'like', 'would', "i'd", "we'd", "i'm",
  'find', 'show', 'list', 'give', 'build', 'create', 'target', 'targeting', 'select', 'pull', 'identify', 'looking', 'look',
  'please', 'can', 'could', 'help', 'search', 'let', "let's", 'lets',
  // grammar
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'from', 'by', 'via', 'through', 'into', 'onto', 'as', 'for', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'have', 'has', 'having', 'do', 'does', 'did', 'am', 'it', 'its', 'so', 'than', 'then',
  'that', 'which', 'where', 'whose', 'with', 'within', 'who', 'whom', 'this', 'such', 'those', 'these', 'them', 'they',
  'their', 'theirs', 'there', "who've", "they've", "they're", 'all', 'every', 'each', 'any', 'some', 'both', 'either',
  'neither', 'whether', 'what', 'when', 'how', 'much', 'many', 'same', 'other', 'another', 'more', 'most', 'least', 'one',
  'ones', 'something', 'anything', 'everything', 'thing', 'things', 'stuff', 'ie', 'eg', 'etc', 'respectively',
  // emphasis and time words that add nothing
  'currently', 'still', 'already', 'just', 'only', 'even', 'really', 'actually', 'very', 'highly', 'too', 'well', 'also',
  'again', 'ever', 'ago', 'time', 'times', 'single', 'whole', 'entire', 'overall', 'period', 'window', 'following',
  // where people are
  'living', 'live', 'lives', 'located', 'based', 'residing', 'resident', 'residents', 'reside', 'staying', 'come',
  // naming a field rather than a value ("whose tier is gold")
  'status', 'set', 'marked', 'flagged', 'total', 'kind', 'type', 'types', 'category', 'categories', 'level', 'value',
  'values', 'count', 'number', 'amount', 'field', 'property', 'trait', 'traits', 'attribute', 'data', 'info',
  'information', 'plan', 'workspace', 'equal', 'equals', 'known', 'named', 'called', 'labelled', 'condition',
  'conditions', 'criteria', 'speaking', 'speakers', 'speak', 'language', 'country', 'city', 'region', 'area', 'device',
  'devices', 'platform', 'gender', 'identifies', 'identified', 'event', 'events', 'action', 'actions', 'activity',
  'certain', 'specific', 'particular', 'main', 'primary', 'brand', 'company',
  // "carts worth more than $200": the amount says it
  'worth', 'valued',
  // "average read time per article": the measure says how it is taken
  'per',
  // a reason said with what was done ("cancelled because it was too expensive"): the value says it
  'because', 'cause', 'cos', 'reason',
  // hedges and chat words that say nothing about who is meant
  'basically', 'literally', 'ideally', 'preferably', 'honestly', 'actually', 'maybe', 'perhaps', 'probably', 'really', 'quite',
  'hey', 'hi', 'hello', 'ok', 'okay', 'um', 'uh', 'hmm', 'anyway', 'anyways', 'kindly', 'thanks', 'please',
]);

/**
 * Phrases that frame the request or say what it is for. They may contain words that would
 * otherwise mean something ("VIP night event"), so they are matched before anything else.
 */
export const PREAMBLE_PHRASES = [
  // hedges and asides
  'pretty much', 'kind of', 'sort of', 'more or less', 'if possible', 'if you can', 'you know', 'i guess', 'i think', 'i mean',
  'real quick', 'for me', 'for us', 'only if', 'as long as', 'on file', 'on record', 'in the system', 'in our system',
  'in our database', 'in the database', 'in the crm', 'end up', 'ended up', 'ends up', 'wound up', 'go on to', 'went on to',
  'can you', 'could you', 'can u', 'could u', 'would you', 'get me', 'pull me', 'pull up', 'need a list of', 'need a segment of',
  'with the product', 'with our product', 'with the app', 'with our app', 'with the service', 'with our service', 'with us',
  'i want to find', 'i want to target', 'i want to reach', 'i want', 'i need', 'i need to find', 'i would like',
  "i'd like", 'we want to', 'we need', 'find me', 'find all', 'show me', 'show all', 'give me', 'get me', 'get all',
  'get every', 'get a list of', 'a list of', 'pull a list of', 'build an audience of', 'build a segment of',
  'create an audience of', 'create a segment of', 'create a segment with', 'an audience of', 'a segment of',
  'can you find', 'could you find', 'help me find', 'look for', 'looking for', 'i am looking for', "i'm looking for",
  'audience of', 'segment of', 'all of our', 'all the', 'all our', 'of our shop', 'of the shop', 'our shop', 'the shop',
  'our store', 'the store', 'our online store', 'our web shop', 'we have', 'in our database', 'in the workspace',
];

/** "worth over $100 in one order", "spent $100 on a single order": an amount of one order, not a total. */
export const SINGLE_ORDER_PHRASES = [
  'in one order', 'in a single order', 'in one purchase', 'in a single purchase', 'on one order', 'on a single order',
  'in one transaction', 'in a single transaction', 'in one go', 'on a single purchase', 'on one purchase', 'in a single go',
];

/** Words that end a purpose phrase: "for a win-back campaign", "for our VIP night event". */
export const PURPOSE_NOUNS = new Set([
  'preview', 'email', 'emails', 'winback', 'win-back', 'reactivation', 'retention', 'upsell', 'study', 'access', 'giveaway', 'contest',
  'rewards', 'reward', 'nurture', 'sequence', 'cadence', 'blast', 'touchpoint', 'outreach', 'mailer',
  'campaign', 'campaigns', 'event', 'events', 'promotion', 'promotions', 'promo', 'blast', 'offer', 'offers',
  'outreach', 'program', 'programme', 'mailing', 'send', 'sale', 'night', 'party', 'launch', 'retargeting',
  'initiative', 'push', 'flow', 'journey', 'test', 'experiment', 'survey', 'invite', 'invitation', 'invitations',
  'newsletter', 'drive', 'announcement', 'message', 'messaging', 'targeting', 'ads', 'ad',
]);
export const PURPOSE_LEADS = new Set(['for', 'to invite to', 'to target with', 'ahead of']);
