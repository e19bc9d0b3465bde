// The application dependencies page's pyproject.toml: parsed by Python's tomllib and
// every requirement by packaging, as an installer would read them.
import { PYTHON, expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */

export const about = 'tomllib and packaging (Debian 12) on pyproject.toml';

const CHECK = `
import sys, tomllib
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
data = tomllib.load(open("pyproject.toml", "rb"))
p = data["project"]
assert p["name"] and p["version"], "name and version"
SpecifierSet(p["requires-python"])
reqs = [Requirement(r) for r in p["dependencies"]]
dev = [Requirement(r) for r in data.get("dependency-groups", {}).get("dev", [])]
assert all(str(r.specifier) for r in reqs), "every dependency has a version range"
assert not {r.name for r in reqs} & {r.name for r in dev}, "a tool in both"
print(len(reqs), len(dev), ",".join(sorted(r.name for r in reqs)))
`;

/** @param {Scenario} s */
export async function run(s) {
  const py = s.block('pyproject.toml');
  s.need('/usr/lib/python3/dist-packages/packaging', 'python3-packaging');
  s.write('proj/pyproject.toml', s.substitute(py, []));
  await s.check(
    'pyproject.toml parses and every requirement is a valid, bounded PEP 508 string',
    [py],
    async () => {
      const r = await s.exec(PYTHON, ['-c', CHECK], { cwd: `${s.dir}/proj` });
      expectThat(
        r.code === 0 && r.out.trim() === '3 2 django,gunicorn,psycopg',
        `exit ${r.code}: ${r.out.trim()}`
      );
    }
  );
}
