#!/usr/bin/env node
'use client'; // client component

export function D({ s }) {
  return <b onClick={() => s.go()} />;
}
