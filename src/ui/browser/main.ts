/**
 * The web UI's browser script, bundled by esbuild into one IIFE that src/ui/page.ts inlines after
 * uPlot (see src/outputs/assets.ts). It ties the page to its server: the event stream, the start
 * form (`POST api/start`), Edit and Reset stats (run-controls.ts), the Stop and New test buttons, the header's figures and the tabs.
 * Everything reaches the DOM through textContent and properties; all URLs are relative to the
 * page, i.e. its own server.
 */

import { initCharts } from './live-charts.js';
import { initTabs, render } from './page-view.js';
import { initRunActions } from './run-actions.js';
import { initRunControls } from './run-controls.js';
import { connect } from './run-events.js';
import { initStartForm } from './start-form.js';
import { initStats } from './stats-table.js';

initStats();
initCharts();
initTabs();
initStartForm();
initRunActions();
initRunControls();
render();
connect();
