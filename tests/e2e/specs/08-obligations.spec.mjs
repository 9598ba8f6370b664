// Issue 11: upstream obligations in the panel (DOM contract `[data-obligation][data-status][data-license]`),
// the license-undeclared flag, and the new badge flags on listings.
import { assert, HUB, badgeFacts, hubCalls, openDetails, openModel, sleep } from '../lib.mjs';

/** Obligation lines of the panel, with their evidence text, in document order. */
async function obligationFacts(page) {
  await openDetails(page); // the duties are listed in the details
  return page.evaluate(() => {
    const root = document.querySelector('[data-hf-drift="panel"]')?.shadowRoot;
    if (!root) return null;
    return {
      duties: [...root.querySelectorAll('[data-obligation]')].map((el) => ({
        key: el.getAttribute('data-obligation'),
        status: el.getAttribute('data-status'),
        license: el.getAttribute('data-license'),
        evidence: el.querySelector('[data-evidence]')?.textContent ?? '',
        clauseHref: el.querySelector('a.obligation-clause')?.getAttribute('href') ?? null,
        mark: el.querySelector('.obligation-mark')?.textContent ?? '',
      })),
      undeclaredFlags: root.querySelectorAll('[data-flag="license-undeclared"]').length,
      summaryLine: root.querySelector('[data-obligations-summary]')?.textContent ?? null,
      effective: root.querySelector('[data-effective-license]')?.textContent ?? null,
    };
  });
}

async function waitForBadges(page, ids) {
  // Badges come when a card becomes visible: bring each wanted card into view and wait for its badge.
  for (const id of ids) {
    await page.waitFor(
      (wanted) => {
        const host = [...document.querySelectorAll('[data-hf-drift-badge]')].find((h) => h.getAttribute('data-model') === wanted);
        if (host?.hasAttribute('data-flags')) return true;
        document.querySelector(`article a[href="/${wanted}"]`)?.scrollIntoView({ block: 'center' });
        return null;
      },
      id,
      { message: `badge for ${id}` },
    );
  }
}

export default {
  tests: [
    {
      name: 'the relicensed Llama fine-tune shows its unmet Llama duties with evidence, unmet first',
      async run({ session }) {
        const { page } = await openModel(session, '/skyforge/Sky-Chat-8B');
        const facts = await obligationFacts(page);
        const byKey = Object.fromEntries(facts.duties.map((d) => [d.key, d]));
        for (const key of ['license-copy', 'notice', 'attribution', 'name-prefix', 'acceptable-use']) {
          assert.ok(byKey[key], `duty ${key} listed`);
          assert.equal(byKey[key].license, 'llama3.1', `${key} comes from the Llama 3.1 license`);
          assert.equal(byKey[key].status, 'unmet', `${key} is unmet`);
          assert.equal(byKey[key].mark, '✗', 'a mark, not colour alone');
          assert.match(byKey[key].clauseHref ?? '', /^https:\/\//, 'a link to the license text');
        }
        assert.match(byKey['name-prefix'].evidence, /the name 'Sky-Chat-8B' does not begin with 'Llama'/);
        assert.match(byKey.attribution.evidence, /never says 'Built with Llama'/);
        assert.match(byKey.notice.evidence, /no file named NOTICE/);
        assert.match(facts.summaryLine ?? '', /5 of 5 upstream obligations unmet/);
        assert.equal(facts.undeclaredFlags, 0, 'it states a license (apache-2.0)');
        await page.close();
      },
    },
    {
      name: 'two steps down, the GGUF of the relicensed fine-tune still owes the Llama notice',
      async run({ session }) {
        const { page } = await openModel(session, '/quantfolk/Sky-Chat-8B-GGUF');
        const facts = await obligationFacts(page);
        const notice = facts.duties.find((d) => d.key === 'notice' && d.license === 'llama3.1');
        assert.ok(notice, 'Llama 3.1 notice duty inherited through skyforge/Sky-Chat-8B');
        assert.equal(notice.status, 'unmet');
        await page.close();
      },
    },
    {
      name: 'the compliant sibling shows every duty met, its NOTICE read with one resolver request',
      async run({ session, hub }) {
        const from = hub.requests.length;
        const { page } = await openModel(session, '/complylab/Llama-3.1-8B-Helpdesk');
        const facts = await obligationFacts(page);
        assert.deepEqual(
          facts.duties.map((d) => d.key).sort(),
          ['acceptable-use', 'attribution', 'license-copy', 'name-prefix', 'notice'],
        );
        for (const duty of facts.duties) {
          assert.equal(duty.status, 'met', `${duty.key}: ${duty.evidence}`);
          assert.equal(duty.mark, '✓');
          assert.equal(duty.license, 'llama3.1');
        }
        assert.match(facts.duties.find((d) => d.key === 'notice').evidence, /NOTICE line 1 says/);
        assert.match(facts.duties.find((d) => d.key === 'attribution').evidence, /README line \d+ says .*Built with Llama/);
        assert.match(facts.summaryLine ?? '', /All 5 upstream obligations met/);
        const noticeCalls = hubCalls(hub, from).filter((r) => /\/NOTICE/.test(r.pathname));
        assert.ok(noticeCalls.length >= 1 && noticeCalls.length <= 2, `the NOTICE file is fetched once (resolve + its redirect): ${noticeCalls.map((r) => r.pathname).join(' ')}`);
        await page.close();
      },
    },
    {
      name: 'a Gemma derivative without a license shows the undeclared flag and Gemma\'s duties',
      async run({ session }) {
        const { page } = await openModel(session, '/tinyforge/pocket-tutor-2b');
        const facts = await obligationFacts(page);
        assert.equal(facts.undeclaredFlags, 1, 'one license-undeclared flag');
        assert.match(facts.effective ?? '', /no license stated — Gemma Terms of Use terms apply/);
        const keys = facts.duties.filter((d) => d.license === 'gemma').map((d) => d.key).sort();
        assert.deepEqual(keys, ['license-copy', 'modification-notice', 'notice', 'use-restrictions']);
        const restrictions = facts.duties.find((d) => d.key === 'use-restrictions');
        assert.equal(restrictions.status, 'unmet');
        assert.match(restrictions.evidence, /states no license/);
        assert.equal(facts.duties.find((d) => d.key === 'modification-notice').status, 'met', 'the card says it was fine-tuned');
        await page.close();

        const { page: stated } = await openModel(session, '/skyforge/Sky-Chat-8B');
        assert.equal((await obligationFacts(stated)).undeclaredFlags, 0, 'no flag when the model states a license');
        await stated.close();
      },
    },
    {
      name: 'the popup opened on the Gemma derivative shows the same obligations block and flag',
      async run({ session }) {
        const { page } = await openModel(session, '/tinyforge/pocket-tutor-2b');
        await page.bringToFront();
        const popup = await session.extensionPage('popup.html');
        const seen = await popup.waitFor(
          () => {
            const root = document.querySelector('[data-hf-drift="popup-panel"]')?.shadowRoot;
            const duties = root ? [...root.querySelectorAll('[data-obligation][data-license="gemma"]')].map((el) => el.getAttribute('data-obligation')) : [];
            return duties.length > 0 && root.querySelector('[data-flag="license-undeclared"]') ? duties.sort() : null;
          },
          undefined,
          { message: 'obligations in the popup' },
        );
        assert.deepEqual(seen, ['license-copy', 'modification-notice', 'notice', 'use-restrictions']);
        await popup.close();
        await page.close();
      },
    },
    {
      name: 'listing badges carry obligation-unmet and license-undeclared',
      async run({ session }) {
        const page = await session.newPage();
        await page.goto(`${HUB}/models?other=base_model:finetune:google/gemma-2-2b-it`);
        await waitForBadges(page, ['tinyforge/pocket-tutor-2b', 'pocketlab/gemma-2-2b-it-mit']);
        const gemma = await badgeFacts(page);
        const tutor = gemma.find((b) => b.model === 'tinyforge/pocket-tutor-2b');
        const mit = gemma.find((b) => b.model === 'pocketlab/gemma-2-2b-it-mit');
        assert.match(tutor.flags, /\blicense-undeclared\b/);
        assert.match(tutor.flags, /\bobligation-unmet\b/, 'no license passes Gemma\'s use restrictions on');
        assert.match(mit.flags, /\bobligation-unmet\b/, 'MIT carries none of Gemma\'s use restrictions');
        assert.doesNotMatch(mit.flags, /license-undeclared/);
        await page.close();

        const llama = await session.newPage();
        await llama.goto(`${HUB}/models?other=base_model:finetune:meta-llama/Llama-3.1-8B-Instruct`);
        await waitForBadges(llama, ['skyforge/Sky-Chat-8B', 'northwind/Llama-3.1-8B-Instruct-Support']);
        await sleep(200);
        const badges = await badgeFacts(llama);
        assert.match(badges.find((b) => b.model === 'skyforge/Sky-Chat-8B').flags, /\bobligation-unmet\b/, 'name without the Llama prefix');
        assert.doesNotMatch(badges.find((b) => b.model === 'northwind/Llama-3.1-8B-Instruct-Support').flags, /obligation-unmet|license-undeclared/);
        const headline = await llama.evaluate(() => {
          const host = [...document.querySelectorAll('[data-hf-drift-badge]')].find((h) => h.getAttribute('data-model') === 'skyforge/Sky-Chat-8B');
          return host?.shadowRoot?.textContent ?? '';
        });
        assert.match(headline, /License relaxed/, 'the worst flag (relaxation) leads the badge');
        await llama.close();

        const search = await session.newPage();
        await search.goto(`${HUB}/models?search=Llama-3.1-8B-Helpdesk`);
        await waitForBadges(search, ['complylab/Llama-3.1-8B-Helpdesk']);
        const compliant = (await badgeFacts(search)).find((b) => b.model === 'complylab/Llama-3.1-8B-Helpdesk');
        assert.doesNotMatch(compliant.flags, /obligation-unmet|license-undeclared|license-relaxed/, 'the compliant fine-tune owes nothing a listing can see');
        await search.close();
      },
    },
  ],
};
