import React from 'react'
import { track } from './track'
import { handler } from 'commontools'

export function Q({ s }) {
  return <b onClick={handler((event, { s }) => track(s.id))({ s: { id: s.id } })} />
}
