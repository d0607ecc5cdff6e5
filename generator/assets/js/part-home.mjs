/* The home part's script: its modules, then the page set up with them. */
import "./home.mjs";
import { start } from "./wiring.mjs";

start("home");
