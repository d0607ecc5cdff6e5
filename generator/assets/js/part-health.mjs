/* The health part's script: its modules, then the page set up with them. */
import "./health.mjs";
import { start } from "./wiring.mjs";

start("health");
