import { render } from 'preact';

import { App } from './app';
import { start } from './store';
import './styles.css';

render(<App />, document.getElementById('app')!);
start();
