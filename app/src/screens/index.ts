// Every screen of the app, in the order of the menu. A screen is a module with one component;
// to add one (e.g. the treasurer's), write src/screens/<name>.tsx, add its strings as a section
// of src/i18n/en.ts and es.ts (and its menu label under `nav`), and register it here.
import type { FunctionComponent } from 'preact';

import type { Messages } from '../i18n/en';
import { Care } from './care';
import { Exchange } from './exchange';
import { Federation } from './federation';
import { Home } from './home';
import { Pay } from './pay';
import { Polls } from './polls';
import { Redeem } from './redeem';
import { Settings } from './settings';
import { Statement } from './statement';
import { Treasurer } from './treasurer';
import { Work } from './work';

export interface Screen {
  /** The hash route: #/<path> ('' is the start screen). */
  path: string;
  /** Its menu label. */
  label: (m: Messages) => string;
  component: FunctionComponent;
  /** Which group of the menu it belongs to (member now; treasurer and federation later). */
  group: 'member' | 'cooperative' | 'federation' | 'app';
}

export const screens: Screen[] = [
  { path: '', label: (m) => m.nav.home, component: Home, group: 'member' },
  { path: 'pay', label: (m) => m.nav.pay, component: Pay, group: 'member' },
  { path: 'work', label: (m) => m.nav.work, component: Work, group: 'member' },
  { path: 'care', label: (m) => m.nav.care, component: Care, group: 'member' },
  { path: 'polls', label: (m) => m.nav.polls, component: Polls, group: 'member' },
  { path: 'redeem', label: (m) => m.nav.redeem, component: Redeem, group: 'member' },
  { path: 'exchange', label: (m) => m.nav.exchange, component: Exchange, group: 'member' },
  { path: 'statement', label: (m) => m.nav.statement, component: Statement, group: 'member' },
  { path: 'treasurer', label: (m) => m.nav.treasurer, component: Treasurer, group: 'cooperative' },
  { path: 'federation', label: (m) => m.nav.federation, component: Federation, group: 'federation' },
  { path: 'settings', label: (m) => m.nav.settings, component: Settings, group: 'app' }
];
