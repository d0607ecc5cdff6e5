/* The team part's script: its modules, then the page set up with them. */
import "./team.mjs";
import { start } from "./wiring.mjs";

start("team");
