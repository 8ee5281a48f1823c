// A finding file carries its scenario in header comments:
//   // @options {"captureMode":"roots"}     transform options (default {})
//   // @props generated                      the generator's props (default: auto values)
//   // @props {"online": false}              JSON values for some props
//   // @backend ast                          only this back end (default: all)
//   // @expect refused                       every back end must refuse the file (HC101)
//   // @safe h1,h2                           handlers (by marker) that must be rewritten
import { PROPS } from "./generate.mjs";
import { fixtureProps } from "./fixtures.mjs";

export function findingScenario(source) {
  const options = JSON.parse(source.match(/^\/\/ @options (.*)$/m)?.[1] || "{}");
  const p = source.match(/^\/\/ @props (.*)$/m)?.[1]?.trim();
  const props = p === "generated" ? PROPS : p ? fixtureProps(JSON.parse(p)) : undefined;
  const backend = source.match(/^\/\/ @backend (\w+)/m)?.[1];
  const expect = source.match(/^\/\/ @expect (\w+)/m)?.[1] || "same";
  const safe = source.match(/^\/\/ @safe (.*)$/m)?.[1].split(",").map((m) => m.trim()).filter(Boolean) || [];
  return { options, props, backend, expect, safe };
}
