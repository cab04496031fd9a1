/** The role table lives with the contract (the renderer mirrors it); the host enforces it. */
export { can, ROLES, type Permission, type Role } from '../../../shared/domain/roles';
