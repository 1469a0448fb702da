/** Table types: technicians, requesters and their addresses, groups, assets (011). Times are epoch ms. */
import type { ColumnType, Generated } from 'kysely';

export interface TechniciansTable {
  id: Generated<number>;
  name: string;
  email: string;
  tier: string;
  active: ColumnType<number, number | undefined, number>;
  created_at: number;
}

/** A PostgreSQL login role acting as a technician (018; empty on SQLite). */
export interface TechnicianRolesTable {
  role: string;
  technician_id: number;
  created_at: number;
}

export interface RequestersTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  phone: string | null;
  department: string | null;
  created_at: number;
  location: ColumnType<string | null, string | null | undefined, string | null>;
  vip: ColumnType<number, number | undefined, number>;
  notes: ColumnType<string, string | undefined, string>;
}

/** A requester's further mail addresses (a merge moves the merged one's here). */
export interface RequesterEmailsTable {
  email: string;
  requester_id: number;
  added_at: number;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

export interface GroupMembersTable {
  group_id: number;
  technician_id: number;
}

export interface AssetsTable {
  id: Generated<number>;
  tag: string;
  type: string;
  model: string;
  serial: string | null;
  owner_id: number | null;
  location: string | null;
  hostname: string | null;
  protocol: string | null;
  status: string;
  /** UTC midnights (epoch ms). */
  purchased_at: number | null;
  warranty_until: number | null;
  notes: string;
  created_at: number;
  updated_at: number;
}

/** Who owned an asset from when (requester_id null: back in stock). */
export interface AssetOwnersTable {
  id: Generated<number>;
  asset_id: number;
  requester_id: number | null;
  at: number;
  actor: string;
}

export interface TicketAssetsTable {
  ticket_id: number;
  asset_id: number;
  linked_at: number;
  linked_by: string;
}
