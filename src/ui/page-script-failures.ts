/**
 * The page's Failures tab (Locust's): the error groups of the run so far, most frequent first,
 * from each `progress` event's `errors`. The table is rebuilt from text nodes each second (at
 * most a hundred rows); nothing server-sent becomes markup.
 */

export const FAILURES_SCRIPT = String.raw`
var failuresBody = byId('failures-body');
var failuresCount = byId('tab-failures-count');
var lastFailuresKey = '';

function updateFailures(progress) {
  var errors = Array.isArray(progress.errors) ? progress.errors : [];
  var total = 0;
  errors.forEach(function (e) { total += e.count; });
  setText(failuresCount, total > 0 ? count(total) : '');
  show(failuresCount, total > 0);
  // Same groups and counts as last second: nothing to redraw.
  var key = errors.map(function (e) { return e.count + ' ' + e.message; }).join('\n');
  if (key === lastFailuresKey) return;
  lastFailuresKey = key;
  while (failuresBody.firstChild) failuresBody.removeChild(failuresBody.firstChild);
  if (errors.length === 0) {
    var empty = element('tr');
    var cell = element('td', 'empty', 'No failures.');
    cell.colSpan = 4;
    empty.appendChild(cell);
    failuresBody.appendChild(empty);
    return;
  }
  errors.forEach(function (e) {
    var tr = element('tr');
    tr.appendChild(element('td', 'num', count(e.count)));
    var type = element('td');
    type.appendChild(element('span', 'method', e.kind === 'task' ? 'task' : e.method));
    tr.appendChild(type);
    var name = element('td', 'name');
    if (e.scenario) name.appendChild(element('span', 'uc', e.scenario + ': '));
    if (e.userClass) {
      name.appendChild(element('span', 'uc', e.userClass));
      name.appendChild(element('span', 'sep', '\u00b7'));
    }
    name.appendChild(element('code', null, e.name));
    tr.appendChild(name);
    tr.appendChild(element('td', 'message', e.message));
    failuresBody.appendChild(tr);
  });
}

function resetFailures() {
  lastFailuresKey = null;
  updateFailures({ errors: [] });
}
`;
