/**
 * General knowledge of what people do and what they act on, in any product: the words people
 * use for an act ("bought", "paid", "checked out") and for a thing ("video", "film", "episode").
 * It is about no one workspace: a workspace's events, properties and traits are read with it
 * (`Order Completed`, `invoicePaid`, `Charged` all say a payment), and so are the prompts.
 *
 * Words are written in their base form; both sides are lemmatised before they meet. `words`
 * say the concept itself; `loose` words may say it in some uses ("open" a push is tapping it).
 * `opposes` names acts that, in an event's name, say the contrary ("started" is not
 * "completed"), so a match across them counts against the event.
 */

export interface Concept {
  id: string;
  kind: 'act' | 'thing';
  words: string[];
  loose?: string[];
  opposes?: string[];
}

type Extra = Omit<Concept, 'id' | 'kind' | 'words'>;
const act = (id: string, words: string[], extra: Extra = {}): Concept => ({ id, kind: 'act', words, ...extra });
const thing = (id: string, words: string[], extra: Extra = {}): Concept => ({ id, kind: 'thing', words, ...extra });

export const CONCEPTS: Concept[] = [
  // Money.
  act('buy', ['buy', 'purchase', 'order', 'shop', 'buyer', 'purchaser', 'sale', 'shopper', 'check out', 'convert'], { loose: ['pay', 'spend', 'checkout', 'transaction'], opposes: ['refund', 'cancel', 'abandon', 'view', 'add'] }),
  act('pay', ['pay', 'payment', 'charge', 'bill', 'billing', 'spend', 'settle', 'payer'], { loose: ['buy', 'purchase', 'transaction', 'invoice', 'revenue', 'renew'], opposes: ['refund', 'fail'] }),
  act('refund', ['refund', 'reimburse', 'money back', 'chargeback'], { loose: ['return'], opposes: ['buy', 'pay'] }),
  act('renew', ['renew', 'renewal', 'auto-renew', 'rebill', 'extend'], { loose: ['pay'], opposes: ['cancel'] }),
  act('rent', ['rent', 'rental', 'hire', 'lease']),
  act('donate', ['donate', 'donation', 'contribute', 'pledge', 'tip']),
  act('deposit', ['deposit', 'top up', 'add funds', 'fund'], { loose: ['load'] }),
  act('withdraw', ['withdraw', 'withdrawal', 'cash out', 'payout']),
  act('transfer', ['transfer', 'send money', 'remit', 'remittance']),
  act('fail', ['fail', 'failure', 'decline', 'bounce', 'reject', 'unsuccessful', 'error'], { opposes: ['succeed'] }),
  act('succeed', ['succeed', 'success', 'successful'], { opposes: ['fail'] }),

  // Accounts and presence.
  act('signup', ['sign up', 'signup', 'register', 'registration', 'enroll', 'enrol', 'onboard', 'become a customer', 'new account', 'account create'], { loose: ['join', 'install', 'create'], opposes: ['cancel', 'delete'] }),
  act('login', ['log in', 'login', 'sign in', 'signin', 'log on', 'logon', 'authenticate'], { loose: ['visit', 'session', 'use', 'active'], opposes: ['logout', 'fail'] }),
  act('logout', ['log out', 'logout', 'sign out'], { opposes: ['login'] }),
  act('visit', ['visit', 'session', 'launch', 'come back', 'app open', 'visitor', 'come from', 'come in from', 'come to', 'arrive', 'arrive from', 'land', 'land from', 'refer by', 'acquire from', 'acquire through', 'acquire via', 'have a session', 'start a session'], { loose: ['open', 'use', 'login', 'active', 'activity', 'come', 'return'], opposes: ['uninstall'] }),
  act('install', ['install', 'installation'], { loose: ['signup'], opposes: ['uninstall'] }),
  act('uninstall', ['uninstall'], { opposes: ['install', 'visit', 'open'] }),
  act('delete', ['delete', 'remove', 'close', 'deactivate', 'erase'], { opposes: ['add', 'create', 'signup'] }),
  act('verify', ['verify', 'confirm', 'validate', 'verification', 'confirmation', 'approve']),
  act('update', ['update', 'change', 'edit', 'modify'], { loose: ['switch'] }),

  // Seeing and doing things with content.
  act('view', ['view', 'see', 'look at', 'browse', 'impression', 'display', 'show', 'viewer', 'look', 'check out'], { loose: ['open', 'visit', 'check', 'watch', 'read'], opposes: ['click', 'buy', 'add'] }),
  act('watch', ['watch', 'play', 'stream', 'playback', 'binge', 'viewer', 'watcher'], { loose: ['view', 'see', 'start'] }),
  act('read', ['read', 'reader'], { loose: ['open', 'view'] }),
  act('listen', ['listen', 'listener'], { loose: ['play'] }),
  act('start', ['start', 'begin', 'initiate', 'kick off', 'commence', 'launch', 'reach', 'go to', 'proceed to'], { loose: ['open', 'create'], opposes: ['complete', 'cancel', 'abandon'] }),
  act('complete', ['complete', 'finish', 'done', 'mark as done', 'accomplish', 'conclude', 'completion', 'finisher', 'end', 'go through with', 'follow through with', 'follow through on'], { opposes: ['start', 'abandon', 'fail', 'cancel'] }),
  act('abandon', ['abandon', 'abandonment', 'abandoner', 'drop off', 'bail', 'leave item in', 'leave product in', 'leave something in', 'leave thing in', 'leave stuff in', 'leave an item in', 'drop off at', 'drop out of', 'bail on', 'bail at', 'bail out of', 'walk away from'], { loose: [], opposes: ['complete', 'buy'] }),
  act('search', ['search', 'look up', 'query', 'look for']),
  act('save', ['save', 'bookmark', 'favorite', 'favourite', 'like', 'heart', 'wishlist', 'add to list'], { loose: ['star', 'add'] }),
  act('share', ['share', 'forward', 'repost'], { loose: ['send'] }),
  act('download', ['download'], { loose: ['save', 'export'], opposes: ['upload'] }),
  act('upload', ['upload', 'attach'], { loose: ['import', 'add'], opposes: ['download', 'export'] }),
  act('export', ['export'], { loose: ['download'], opposes: ['import', 'upload'] }),
  act('import', ['import'], { loose: ['upload'], opposes: ['export'] }),
  act('create', ['create', 'make', 'set up', 'build', 'new'], { loose: ['add', 'start', 'open', 'post'], opposes: ['delete', 'complete'] }),
  act('add', ['add', 'put', 'insert', 'place in'], { loose: ['save', 'create'], opposes: ['remove', 'delete', 'buy'] }),
  act('comment', ['comment', 'reply'], { loose: ['post', 'respond'] }),
  act('post', ['post', 'publish'], { loose: ['share'] }),
  act('rate', ['rate', 'rating', 'review', 'star', 'grade', 'score'], { loose: ['feedback'] }),
  act('survey', ['survey', 'answer', 'respond', 'response', 'questionnaire', 'poll'], { loose: [] }),
  act('invite', ['invite', 'invitation'], { loose: ['send', 'refer', 'add'] }),
  act('refer', ['refer', 'referral', 'recommend'], { loose: ['invite'] }),
  act('connect', ['connect', 'integrate', 'integration', 'hook up', 'sync'], { loose: ['link', 'install', 'enable', 'add', 'set up'] }),
  act('enable', ['enable', 'turn on', 'activate', 'switch on', 'allow'], { loose: ['opt in', 'use'], opposes: ['disable'] }),
  act('disable', ['disable', 'turn off', 'deactivate', 'switch off', 'block'], { loose: ['opt out'], opposes: ['enable'] }),
  act('subscribe', ['subscribe', 'opt in', 'subscriber', 'follow'], { loose: ['sign up', 'join', 'subscription'], opposes: ['unsubscribe', 'cancel'] }),
  act('unsubscribe', ['unsubscribe', 'opt out', 'unfollow'], { opposes: ['subscribe'] }),
  act('cancel', ['cancel', 'cancellation', 'terminate', 'churn', 'discontinue'], { loose: ['quit', 'stop', 'end'], opposes: ['buy', 'renew', 'subscribe', 'start', 'signup', 'complete'] }),
  act('upgrade', ['upgrade', 'move up', 'step up'], { loose: ['convert'], opposes: ['downgrade'] }),
  act('downgrade', ['downgrade', 'move down', 'step down'], { opposes: ['upgrade'] }),
  act('trial', ['trial', 'trialist', 'free trial', 'trialing'], { loose: ['try'] }),

  // Messages.
  act('open', ['open', 'tap', 'opener', 'tap on', 'engage with'], { loose: ['read', 'view', 'launch', 'check'], opposes: ['receive', 'send', 'uninstall'] }),
  act('click', ['click', 'tap', 'click through', 'clickthrough', 'press', 'clicker', 'click on', 'click a link', 'click a link in', 'click link in'], { loose: ['follow'], opposes: ['receive', 'send', 'view'] }),
  act('receive', ['receive', 'deliver', 'delivery', 'be sent', 'recipient', 'get sent'], { loose: ['get', 'send', 'show', 'impression', 'view', 'display'], opposes: ['open', 'click'] }),
  act('send', ['send', 'dispatch'], { loose: ['message', 'deliver'], opposes: ['open', 'click'] }),

  // Commerce flow.
  act('cart', ['add to cart', 'add to basket', 'add to bag', 'put in cart', 'cart add'], { loose: ['add'], opposes: ['buy'] }),
  act('checkout', ['checkout', 'check out', 'start checkout', 'begin checkout', 'proceed to checkout'], { opposes: ['complete'] }),
  act('redeem', ['redeem', 'redemption', 'apply', 'cash in'], { loose: ['use', 'spend'], opposes: ['claim', 'earn'] }),
  act('claim', ['claim', 'collect', 'grab', 'pick up'], { loose: ['get', 'receive', 'issue', 'earn', 'unlock'], opposes: ['redeem'] }),
  act('earn', ['earn', 'gain', 'accumulate', 'win', 'unlock', 'achieve'], { loose: ['collect'], opposes: ['redeem'] }),
  act('ship', ['ship', 'shipment', 'dispatch', 'fulfil', 'fulfill'], { loose: ['deliver', 'delivery'] }),
  act('return', ['return', 'send back', 'exchange'], { loose: ['refund'], opposes: ['buy'] }),

  // Bookings, classes, trips, events.
  act('book', ['book', 'booking', 'reserve', 'reservation', 'schedule', 'appointment'], { loose: ['sign up for', 'buy'], opposes: ['cancel', 'attend'] }),
  act('attend', ['attend', 'attendance', 'attendee', 'show up', 'check in', 'participate'], { loose: ['join', 'go to', 'come to', 'visit', 'watch'], opposes: ['miss', 'register', 'book', 'cancel'] }),
  act('miss', ['miss', 'no show', 'no-show', 'skip'], { opposes: ['attend'] }),
  act('register', ['register', 'registration', 'rsvp', 'enroll', 'enrol', 'registrant'], { loose: ['sign up', 'sign up for', 'book'], opposes: ['attend'] }),
  act('travel', ['travel', 'trip', 'fly', 'flight', 'journey'], { loose: ['stay', 'ride', 'book'] }),
  act('workout', ['work out', 'workout', 'exercise', 'train', 'training'], { loose: ['run', 'ride', 'lift', 'activity', 'finish'] }),
  act('play', ['play', 'game'], { loose: ['match', 'round', 'level'] }),
  act('win', ['win', 'victory', 'beat'], { opposes: ['lose'] }),
  act('lose', ['lose', 'loss', 'defeat'], { opposes: ['win'] }),
  act('contact', ['contact', 'call', 'chat', 'reach out', 'talk to', 'speak to'], { loose: ['message', 'email'] }),
  act('complain', ['complain', 'complaint', 'escalate', 'dispute']),

  // Things people act on.
  thing('email', ['email', 'mail', 'newsletter', 'e-mail', 'mailing', 'edm'], { loose: ['inbox', 'campaign', 'message'] }),
  thing('push', ['push', 'push notification', 'notification', 'notif'], { loose: ['alert', 'message', 'campaign'] }),
  thing('sms', ['sms', 'text', 'text message', 'mms'], { loose: ['message', 'campaign'] }),
  thing('in_app', ['in-app message', 'in app message', 'banner', 'tooltip', 'modal', 'popup', 'pop-up'], { loose: ['message'] }),
  thing('app', ['app', 'application', 'mobile app'], { loose: ['player', 'platform'] }),
  thing('site', ['site', 'website', 'webshop', 'online store', 'web shop'], { loose: ['web', 'store', 'shop', 'platform', 'portal'] }),
  thing('page', ['page', 'screen', 'landing page'], { loose: ['pdp'] }),
  thing('video', ['video', 'movie', 'film', 'episode', 'clip', 'documentary'], { loose: ['show', 'title', 'series', 'stream', 'content', 'trailer'] }),
  thing('article', ['article', 'story', 'news'], { loose: ['post', 'blog', 'piece', 'content'] }),
  thing('audio', ['podcast', 'song', 'track', 'album', 'audiobook', 'music'], { loose: ['episode'] }),
  thing('product', ['product', 'item', 'goods', 'merchandise', 'sku', 'product page', 'product detail page'], { loose: ['listing', 'stuff', 'thing'] }),
  thing('cart', ['cart', 'basket', 'shopping cart', 'bag', 'shopping bag']),
  thing('checkout', ['checkout']),
  thing('order', ['order', 'purchase'], { loose: ['transaction', 'sale', 'checkout', 'booking'] }),
  thing('payment', ['payment', 'charge', 'invoice', 'bill'], { loose: ['receipt', 'transaction'] }),
  thing('coupon', ['coupon', 'voucher', 'promo code', 'discount code', 'offer code'], { loose: ['promo', 'discount', 'code', 'offer'] }),
  thing('points', ['point', 'reward', 'loyalty point'], { loose: ['credit', 'mile', 'coin', 'star'] }),
  thing('subscription', ['subscription', 'membership', 'sub'], { loose: ['plan', 'package', 'tier', 'pass'] }),
  thing('trial', ['trial', 'free trial', 'trial period']),
  thing('account', ['account'], { loose: ['workspace'] }),
  thing('review', ['review', 'rating', 'testimonial'], { loose: ['star', 'feedback', 'score'] }),
  thing('survey', ['survey', 'nps', 'questionnaire', 'poll', 'net promoter score'], { loose: ['feedback', 'score'] }),
  thing('report', ['report'], { loose: ['export', 'csv', 'pdf'] }),
  thing('file', ['file', 'attachment', 'document'], { loose: ['upload', 'image', 'photo'] }),
  thing('project', ['project'], { loose: ['board'] }),
  thing('task', ['task', 'to-do', 'todo'], { loose: ['ticket', 'issue', 'card', 'item'] }),
  thing('dashboard', ['dashboard'], { loose: ['overview', 'home screen'] }),
  thing('integration', ['integration', 'connector', 'plugin', 'add-on'], { loose: ['app'] }),
  thing('ticket', ['ticket', 'support ticket', 'support request', 'help request'], { loose: ['case', 'support'] }),
  thing('webinar', ['webinar', 'livestream', 'seminar', 'conference', 'meetup'], { loose: ['event', 'session', 'workshop'] }),
  thing('invite', ['invite', 'invitation'], { loose: ['referral'] }),
  thing('seat', ['seat', 'license', 'licence']),
  thing('watchlist', ['watchlist', 'my list', 'wishlist', 'favorites', 'favourites'], { loose: ['list', 'queue', 'playlist'] }),
  thing('search', ['search', 'query', 'lookup']),
  thing('class', ['class', 'lesson', 'course'], { loose: ['session', 'workshop'] }),
  thing('workout', ['workout', 'exercise', 'training'], { loose: ['session', 'run', 'ride', 'activity'] }),
  thing('booking', ['booking', 'reservation', 'appointment'], { loose: ['trip', 'stay', 'order'] }),
  thing('flight', ['flight', 'plane'], { loose: ['air ticket'] }),
  thing('hotel', ['hotel', 'room', 'accommodation'], { loose: ['stay', 'property'] }),
  thing('car', ['car', 'vehicle', 'car rental']),
  thing('game', ['game', 'match'], { loose: ['level', 'round'] }),
  thing('comment', ['comment', 'reply']),
  thing('challenge', ['challenge', 'goal', 'streak', 'badge', 'achievement']),
  thing('device', ['device', 'wearable', 'tracker'], { loose: ['watch'] }),
  thing('pack', ['pack', 'bundle', 'package'], { loose: ['credit'] }),
];

/**
 * Verbs that lend their meaning to the noun after them: "left a review", "made a purchase",
 * "gave an NPS score of 9", "did a workout", "had a session" say the noun's act.
 */
export const LIGHT_VERBS = new Set(['give', 'leave', 'make', 'do', 'have', 'take', 'get', 'submit', 'write', 'place', 'perform', 'fill', 'trigger', 'fire', 'post',
  'log', 'record', 'track', 'clock', 'burn', 'rack up', 'accumulate']);

/** Things that name nothing in particular: bought "something", viewed "a product", "stuff". */
export const GENERIC_THINGS = new Set(['something', 'anything', 'everything', 'thing', 'stuff', 'item', 'product', 'goods', 'merchandise', 'smth', 'sth']);

/** Words in names and sentences that say nothing about which act or thing ("performed", "event"). */
export const EMPTY_NAME_WORDS = new Set([
  'event', 'action', 'track', 'perform', 'do', 'happen', 'the', 'a', 'an', 'to', 'of', 'in', 'on', 'at', 'by', 'for',
  'with', 'from', 'be', 'have', 'user', 'customer', 'member', 'my', 'our', 'your', 'their', 'and', 'or', 'via',
]);
