import type { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import { Allow } from './access';
import type { RequestContext } from './context';
import { IdArgs, ListMetadata } from './list';
import type { ResourceFilter, ResourceReader } from './resource';
import { OwnTransactions } from './transaction';

/** A service that writes a resource: create and update take the resource's flat argument types. */
interface ResourceWriter<E, C, U> {
  create(ctx: RequestContext, args: C): Promise<E>;
  update(ctx: RequestContext, args: U): Promise<E>;
}

interface ResourceOptions<E extends ObjectLiteral & { id: string }, F extends ResourceFilter, C extends object, U extends object> {
  type: ClassType<E>;
  /** The `pluralize` plural of the type name: allX and _allXMeta (ra-data-graphql-simple). */
  plural: string;
  listArgs: { ListArgs: ClassType; MetaArgs: ClassType };
  service: ResourceReader<E, F> & Partial<ResourceWriter<E, C, U>>;
  read: Permission[];
  /** createX, updateX and deleteX, when the resource is written through the API. */
  write?: {
    allow: Permission[];
    create: ClassType<C>;
    update: ClassType<U>;
    updateAllow?: Permission[];
    deleteAllow?: Permission[];
    /**
     * `@OwnTransactions(reason)` for createX / updateX: the service's create / update then open
     * their own `runInTransaction` for every write (see core/transaction.ts).
     */
    ownTransactions?: { create?: string; update?: string };
  };
}

/** `@OwnTransactions(reason)` when a reason is given, else nothing: the mutation stays wrapped. */
function ownTransactionsIf(reason: string | undefined): MethodDecorator {
  return reason ? OwnTransactions(reason) : () => undefined;
}

/**
 * The operations every resource has, in ra-data-graphql-simple's shape, each declaring its
 * access rule: `allX`, `_allXMeta`, `X(id)` — and `createX`, `updateX`, `deleteX` when it is
 * written. A resource's resolver extends this and adds only what is its own (workflow mutations).
 */
export function resourceResolver<E extends ObjectLiteral & { id: string }, F extends ResourceFilter, C extends object = object, U extends object = object>(
  options: ResourceOptions<E, F, C, U>,
) {
  const { type, plural, listArgs, service, read } = options;
  const [firstRead, ...otherReads] = read;

  @Resolver()
  abstract class ResourceQueries {
    @Allow(firstRead, ...otherReads)
    @Query(() => [type], { name: `all${plural}` })
    list(@Ctx() ctx: RequestContext, @Args(() => listArgs.ListArgs) args: object) {
      return service.list(ctx, args);
    }

    @Allow(firstRead, ...otherReads)
    @Query(() => ListMetadata, { name: `_all${plural}Meta` })
    async meta(@Ctx() ctx: RequestContext, @Args(() => listArgs.MetaArgs) args: object) {
      return { count: await service.count(ctx, args) };
    }

    @Allow(firstRead, ...otherReads)
    @Query(() => type, { name: type.name, nullable: true })
    one(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
      return service.get(ctx, id);
    }
  }
  if (!options.write) return ResourceQueries;

  const { allow, create, update, updateAllow = allow, deleteAllow = allow, ownTransactions = {} } = options.write;
  const [firstWrite, ...otherWrites] = allow;
  const [firstUpdate, ...otherUpdates] = updateAllow;
  const [firstDelete, ...otherDeletes] = deleteAllow;
  const writer = service as ResourceWriter<E, C, U> & ResourceReader<E, F>;

  @Resolver()
  abstract class ResourceMutations extends ResourceQueries {
    @Allow(firstWrite, ...otherWrites)
    @ownTransactionsIf(ownTransactions.create)
    @Mutation(() => type, { name: `create${type.name}` })
    create(@Ctx() ctx: RequestContext, @Args(() => create) args: C) {
      return writer.create(ctx, args);
    }

    @Allow(firstUpdate, ...otherUpdates)
    @ownTransactionsIf(ownTransactions.update)
    @Mutation(() => type, { name: `update${type.name}` })
    update(@Ctx() ctx: RequestContext, @Args(() => update) args: U) {
      return writer.update(ctx, args);
    }

    @Allow(firstDelete, ...otherDeletes)
    @Mutation(() => type, { name: `delete${type.name}` })
    delete(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
      return writer.delete(ctx, id);
    }
  }
  return ResourceMutations;
}
