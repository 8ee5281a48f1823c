import React from 'react'
import { track } from './track'

export function Q({ s }) {
  return <b onClick={() => track(s.id)} />
}
