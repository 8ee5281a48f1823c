#!/usr/bin/env node
/** @jsx h */
/** @jsxImportSource preact */
// @ts-check
/*
 * License header: stays on top.
 */

export function A({ x }) {
  return <b onClick={() => x.y()} />;
}
