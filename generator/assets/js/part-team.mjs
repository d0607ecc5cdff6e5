/* The team part's script: its modules, then the page set up with them. */
import "./team.mjs";
import { refresh } from "./page.mjs";

refresh();
