/* The practice part's script: its modules, then the page set up with them. */
import "./checklist.mjs";
import "./assessment.mjs";
import "./templates.mjs";
import { start } from "./wiring.mjs";

start("practice");
