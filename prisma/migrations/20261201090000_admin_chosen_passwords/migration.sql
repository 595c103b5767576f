-- The company whose admin chose a login's password: that login joins no other company.

-- AlterTable
ALTER TABLE "Account" ADD COLUMN "passwordSetByCompanyId" UUID;
