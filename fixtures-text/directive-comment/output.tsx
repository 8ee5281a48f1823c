#!/usr/bin/env node
'use client'; // client component
import { handler } from 'commontools';

export function D({ s }) {
  return <b onClick={handler((event, { s }) => s.go())({ s })} />;
}
