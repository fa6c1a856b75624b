// Exercises the scope mechanism itself on the test run's database (demo data): that a later
// `.where()` cannot drop the scope, that the scope cannot be OR-ed around or its parameters
// overwritten, that every kind of scope term (column, parent, predicate, link, anyOf) selects
// exactly the rows its SQL says, and that a page read off a link keeps to it. Prints the findings as JSON. Argument: the database URL.
const { apiRequire, apiDist, printFindings } = require('./database-script.cjs');
const { Brackets } = apiRequire('typeorm');
const { ScopedBy, scopedQuery, linkedPageQuery } = apiDist('core/scope.js');
const { Worker } = apiDist('modules/workers/worker.entity.js');
const { PartnerOrganisation } = apiDist('modules/partners/partner-organisation.entity.js');
const { User } = apiDist('modules/users/user.entity.js');

const attempt = (fn) => {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: error.message };
  }
};

printFindings(async (ds) => {
  // One snapshot for every count here: other test files add accounts and partners meanwhile.
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction('REPEATABLE READ');
  const em = runner.manager;
  try {
    const account = async (email) => {
      const [row] = await em.query(`SELECT id, role, regency_id, village_id, partner_id FROM users WHERE email = $1`, [email]);
      return {
        id: row.id,
        email,
        role: row.role,
        scope: { regencyId: row.regency_id, villageId: row.village_id, partnerId: row.partner_id },
                sessionId: 'none',
      };
    };
    const sanggar = { actor: await account('mitra.sanggar@lindung.test'), em };
    const mas = { actor: await account('perbekel.mas@lindung.test'), em };
    const gianyar = { actor: await account('pejabat.gianyar@lindung.test'), em };
    const count = (sql, params = []) => em.query(sql, params).then((rows) => Number(rows[0].count));
    const partners = (ctx) => scopedQuery(ctx, PartnerOrganisation, 'partner');
    const out = {};

    out.ownPartner = await partners(sanggar).getCount();
    out.afterWhere = await partners(sanggar).where('TRUE').getCount();
    out.afterWhereObject = await partners(sanggar).where({ status: 'ACTIVE' }).getCount();
    out.afterWhereExists = await partners(sanggar).andWhere('1 = 1').where('partner.name IS NOT NULL').getCount();
    out.withBrackets = await partners(sanggar)
      .andWhere(new Brackets((qb) => qb.where('TRUE').orWhere('FALSE')))
      .getCount();
    out.orWhere = attempt(() => partners(sanggar).orWhere('TRUE').getQuery());
    out.overwriteScopeParameter = attempt(() => partners(sanggar).setParameter('scope__partner', gianyar.actor.id).getQuery());
    out.cloneKeepsScope = await partners(sanggar).clone().where('TRUE').getCount();
    out.allPartners = await count(`SELECT count(*) FROM partner_organisations`);

    // The link term (Worker for a partner: its ties), and pages read off the link in the order it carries.
    const workerIds = async (qb) => (await qb.getMany()).map((w) => w.id);
    const tiedByName = async (ctx, order) =>
      (
        await em.query(
          `SELECT w.id FROM workers w JOIN worker_partners wp ON wp.worker_id = w.id WHERE wp.partner_id = $1 ORDER BY w.full_name ${order}, w.id ${order}`,
          [ctx.actor.scope.partnerId],
        )
      ).map((r) => r.id);
    out.linkTerm = {
      got: (await workerIds(scopedQuery(sanggar, Worker, 'worker').select('worker.id'))).sort(),
      want: (await tiedByName(sanggar, 'ASC')).slice().sort(),
    };
    const linkedPage = (ctx, property, order) => {
      const linked = linkedPageQuery(ctx, Worker, 'worker', property);
      return linked && linked.query.select('worker.id').orderBy(linked.orderBy[0], order).addOrderBy(linked.orderBy[1], order);
    };
    out.linkedPage = {
      ascending: await workerIds(linkedPage(sanggar, 'fullName', 'ASC')),
      descending: await workerIds(linkedPage(sanggar, 'fullName', 'DESC').offset(3).limit(5)),
      afterWhere: await workerIds(linkedPage(sanggar, 'fullName', 'ASC').where('TRUE')),
      want: await tiedByName(sanggar, 'ASC'),
      wantDescending: (await tiedByName(sanggar, 'DESC')).slice(3, 8),
    };
    out.linkedPageNotCarried = linkedPage(sanggar, 'birthDate', 'ASC') === null;
    out.linkedPageOtherScopes = [mas, gianyar, { actor: null, em }, { actor: { ...sanggar.actor, scope: { ...sanggar.actor.scope, partnerId: null } }, em }].map(
      (ctx) => linkedPage(ctx, 'fullName', 'ASC') === null,
    );

    // Composable terms, declared on User for this run only (the process ends afterwards).
    ScopedBy({
      kind: 'scoped',
      // A partner sees the accounts of partner organisations it may see (through the parent's rule).
      partner: { parent: () => PartnerOrganisation, via: 'partnerId' },
      // A village head sees its village's accounts, or any account whose partner works in its village.
      village: {
        anyOf: [
          'villageId',
          {
            predicate: 'partner in my village',
            sql: (row, scopeId) => `EXISTS (SELECT 1 FROM partner_organisations p WHERE p.id = ${row}.partner_id AND p.village_id = ${scopeId})`,
          },
        ],
      },
      regency: { column: 'regencyId' },
    })(User);
    const ids = async (ctx) => (await scopedQuery(ctx, User, 'account').select('account.id').getMany()).map((u) => u.id).sort();
    const expected = async (sql, params) => (await em.query(sql, params)).map((r) => r.id).sort();
    out.parentTerm = {
      got: await ids(sanggar),
      want: await expected(`SELECT id FROM users WHERE partner_id = $1`, [sanggar.actor.scope.partnerId]),
    };
    out.anyOfTerm = {
      got: await ids(mas),
      want: await expected(
        `SELECT u.id FROM users u LEFT JOIN partner_organisations p ON p.id = u.partner_id WHERE u.village_id = $1 OR p.village_id = $1`,
        [mas.actor.scope.villageId],
      ),
    };
    out.columnTerm = {
      got: await ids(gianyar),
      want: await expected(`SELECT id FROM users WHERE regency_id = $1`, [gianyar.actor.scope.regencyId]),
    };
    out.missingScopeId = (await ids({ actor: { ...sanggar.actor, scope: { ...sanggar.actor.scope, partnerId: null } }, em })).length;
    out.anonymous = (await ids({ actor: null, em })).length;
    return out;
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});
