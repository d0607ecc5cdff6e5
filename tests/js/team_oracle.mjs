// The browser's team numbers for tests/test_team_numbers.py: each line read from stdin is
// {"team": the team page's data, "text": the pasted codes}; each line written is the picture
// teamPicture draws from them, with the weakest and most divided dimensions' ids.
import { createInterface } from "node:readline";

import { weakest } from "../../generator/assets/js/scoring.mjs";
import { mostDivided, teamPicture } from "../../generator/assets/js/teamcodes.mjs";

for await (const line of createInterface({ input: process.stdin })) {
  const { team, text } = JSON.parse(line);
  const picture = teamPicture(team, text);
  const read = picture.dimensions.filter((d) => d.score !== undefined);
  process.stdout.write(`${JSON.stringify({
    ...picture,
    weakest: read.length ? weakest(read).map((d) => d.id) : [],
    divided: read.length ? mostDivided(read).map((d) => d.id) : [],
  })}\n`);
}
