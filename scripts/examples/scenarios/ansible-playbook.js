// The configuration management page's playbook, checked by Debian's ansible-core:
// syntax, the tasks it would run, and the handler its notify names.
import { Scenario, expectThat } from '../Scenario.js';

export const about = 'ansible-playbook --syntax-check and --list-tasks (ansible-core 2.14)';

/** @param {Scenario} s */
export async function run(s) {
  const book = s.block('playbooks/app.yml');
  s.need('/usr/bin/ansible-playbook', 'ansible-core');
  const file = s.write('ansible/playbooks/app.yml', s.substitute(book, []));
  s.write('ansible/playbooks/files/app.service', '[Service]\nExecStart=/bin/true\n');
  s.write('ansible/inventory.ini', '[app_servers]\nweb1 ansible_connection=local\n');
  const env = {
    ANSIBLE_LOCAL_TEMP: `${s.dir}/ansible/tmp`,
    ANSIBLE_HOME: `${s.dir}/ansible/home`,
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_RETRY_FILES_ENABLED: '0'
  };
  const ansible = (...args) =>
    s.exec('/usr/bin/ansible-playbook', ['-i', `${s.dir}/ansible/inventory.ini`, ...args, file], {
      env,
      cwd: `${s.dir}/ansible`
    });
  s.how.push(
    `${Scenario.where(book)}: checked against a one-host inventory (app_servers), never applied`
  );
  await s.check('ansible-playbook --syntax-check accepts the playbook', [book], async () => {
    const r = await ansible('--syntax-check');
    expectThat(r.code === 0, `exit ${r.code}: ${r.out.trim()}`);
  });
  await s.check(
    'it lists the two tasks for app_servers, with fully qualified modules',
    [book],
    async () => {
      const r = await ansible('--list-tasks');
      expectThat(r.code === 0, `exit ${r.code}: ${r.out.trim()}`);
      for (const t of ['Install the system packages the app needs', 'Install the Gunicorn unit'])
        expectThat(r.out.includes(t), `--list-tasks lacks "${t}":\n${r.out}`);
      const modules = [...book.code.matchAll(/^\s+(ansible\.[\w.]+|[a-z_]+):\s*$/gm)]
        .map((m) => m[1])
        .filter((m) => !['tasks', 'handlers', 'name'].includes(m));
      expectThat(
        modules.length === 3 && modules.every((m) => m.startsWith('ansible.builtin.')),
        `modules: ${modules}`
      );
    }
  );
  await s.check('the notify names a handler that exists', [book], () => {
    const notify = /notify:\s*(.+)/.exec(book.code)?.[1].trim();
    expectThat(
      new RegExp(`handlers:[\\s\\S]*- name: ${notify}\\n`).test(book.code),
      `no handler named "${notify}"`
    );
  });
}
