/**
 * Every route the app registers, by rule over its route table, answered with hostile input: bodies that are
 * not JSON, JSON of the wrong shape, deep nesting, a body over the limit, prototype keys, odd queries and
 * parameters. Each answer is 4xx or a plain 2xx/3xx, never 5xx, and errors are problem+json. A route added
 * later is covered without anyone listing it (issue 9: "bad input → 4xx never 5xx" for every route).
 */
import { describe, expect, it } from 'vitest';
import { useQuietApp } from '../support/quiet-app.js';

const app = useQuietApp();

const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const bodies: { label: string; contentType: string; payload: string }[] = [
  { label: 'truncated JSON', contentType: 'application/json', payload: '{"county":' },
  { label: 'a JSON array', contentType: 'application/json', payload: '[1,2,3]' },
  { label: 'a JSON string', contentType: 'application/json', payload: '"fresno"' },
  { label: 'JSON null', contentType: 'application/json', payload: 'null' },
  { label: 'deeply nested JSON', contentType: 'application/json', payload: deep },
  { label: 'prototype keys', contentType: 'application/json', payload: '{"constructor":{"prototype":{"x":1}},"__proto__":{"y":2}}' },
  { label: 'wrong types everywhere', contentType: 'application/json', payload: '{"county":5,"language":[],"counties":"all","languages":{},"print":"a4","contacts":{"0":1}}' },
  { label: 'a body over the limit', contentType: 'application/json', payload: JSON.stringify({ county: 'fresno', pad: 'x'.repeat(70 * 1024) }) },
  { label: 'form fields', contentType: 'application/x-www-form-urlencoded', payload: 'county=%00&language=%FF&contacts.99.name=x&__proto__.x=1&print.cards=1e999' },
  { label: 'an unknown content type', contentType: 'application/xml', payload: '<county>fresno</county>' },
];
const queries = ['', '?county=%00', '?county=nowhere&destinationCounty=' + 'x'.repeat(5000), '?ui=zz-ZZ&language[]=1', '?__proto__[x]=1'];

/** A concrete URL for a route pattern: each ":param" filled with something it does not expect. */
const fill = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '..%2F..%2Fpackage.json');

function routes() {
  return app().routeTable.filter((route) => route.method !== 'HEAD');
}

describe('every route under hostile input', () => {
  it('has routes to try (the rule below is not vacuous)', () => {
    expect(routes().length).toBeGreaterThan(8);
  });

  it('answers hostile bodies on every POST route with 4xx problem+json, never 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes().filter((candidate) => candidate.method === 'POST')) {
      for (const body of bodies) {
        const response = await app().inject({ method: 'POST', url: fill(route.url), headers: { 'content-type': body.contentType }, payload: body.payload });
        const isProblem = response.statusCode < 400 || /application\/problem\+json|text\/html/.test(String(response.headers['content-type']));
        if (response.statusCode >= 500 || !isProblem) failures.push(`${route.url} with ${body.label}: ${response.statusCode} ${response.headers['content-type']}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers odd queries and parameters on every GET route without 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes().filter((candidate) => candidate.method === 'GET')) {
      for (const query of queries) {
        const response = await app().inject({ method: 'GET', url: `${fill(route.url)}${query}` });
        if (response.statusCode >= 500) failures.push(`${route.url}${query}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
