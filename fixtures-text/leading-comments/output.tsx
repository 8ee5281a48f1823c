#!/usr/bin/env node
/** @jsx h */
/** @jsxImportSource preact */
// @ts-check
/*
 * License header: stays on top.
 */
import { handler } from "commontools";

export function A({ x }) {
  return <b onClick={handler((event, { x }) => x.y())({ x })} />;
}
