/* The upgrades' script: loaded by the shared one when there is older data to carry over. */
import { upgrade } from "./upgrades.mjs";
import { upgraded } from "./wiring.mjs";

upgraded(upgrade);
