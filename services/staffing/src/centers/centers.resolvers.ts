import type { Resolvers } from "../schema/resolvers.generated";
import type { CentersService } from "./centers.service";

export function centersResolvers(service: CentersService): Resolvers {
  return {
    Query: {
      serviceCenter: (_, args) => service.center(args.code),
      serviceCenters: (_, args) => service.centersOfCounty(args.countyCode, args.level),
    },
    Mutation: {
      registerServiceCenter: (_, args, context) => service.registerServiceCenter(context.identity, args.input),
      changeServiceCenter: (_, args, context) => service.changeServiceCenter(context.identity, args.input),
    },
    ServiceCenter: {
      __resolveReference: (reference) => service.center(reference.code),
      parent: (center) => (center.parentCode ? service.center(center.parentCode) : null),
      children: (center) => service.children(center.code),
    },
  };
}
