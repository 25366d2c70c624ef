// Loads plotly.min.js under node with catch-all stubs for browser globals (document, DOMParser, …): plotly.js only
// touches the DOM while loading (style rules, feature tests); Plotly.validate itself is pure schema work.
// Reads [{data, layout}, …] on stdin, prints one array of validation errors per figure.
const fs = require('fs');
const stub = () => new Proxy(function () {}, {
  get: (t, k) => k === Symbol.toPrimitive ? () => '' : k === 'prototype' ? {} : k === 'then' ? undefined : typeof k === 'symbol' ? undefined : stub(),
  apply: () => stub(), construct: () => stub(),
});
global.window = global; global.self = global;
Object.defineProperty(global, 'navigator', { value: { userAgent: 'node' }, configurable: true, writable: true });
global.document = stub();
global.getComputedStyle = () => stub();
Object.setPrototypeOf(global, new Proxy(Object.getPrototypeOf(global), {
  has: (t, k) => true,
  get: (t, k, r) => (k in t) ? Reflect.get(t, k, r) : typeof k === 'symbol' ? undefined : stub(),
}));
require(process.argv[2]);
const Plotly = global.Plotly;
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
console.log(JSON.stringify(input.map(f => Plotly.validate(f.data, f.layout) || [])));
