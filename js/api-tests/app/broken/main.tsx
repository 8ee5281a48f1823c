import { h } from "commontools";
import { Clicks } from "./Clicks";

export const view = <Clicks />;
